using System.Text;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>Reads HTTP/1.1 requests (Content-Length bodies) from one connection.</summary>
internal sealed class HttpRequestReader(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _pending = new();

    public async Task<CannedRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }

        var all = _pending.ToArray();
        var head = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var bodyStart = headerEnd + 4;
        while (_pending.Length - bodyStart < length)
        {
            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }

        all = _pending.ToArray();
        var body = Encoding.UTF8.GetString(all, bodyStart, length);
        _pending.SetLength(0);
        _pending.Write(all, bodyStart + length, all.Length - bodyStart - length);
        return new CannedRequest(requestLine[0], requestLine[1], headers, body);
    }

    public void Dispose() => _pending.Dispose();

    private int IndexOfHeaderEnd()
    {
        var data = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        return data.IndexOf("\r\n\r\n"u8);
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_buffer, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        _pending.Seek(0, SeekOrigin.End);
        _pending.Write(_buffer, 0, read);
        return true;
    }
}
