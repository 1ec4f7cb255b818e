using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that records each request and answers from a script (the
/// last answer repeats). It stands in for CodePipeline so that the real AWS SDK pipeline (SigV4,
/// HTTP, error unmarshalling) runs end to end. Built on a raw socket rather than HttpListener
/// because it must be able to reset a connection (HttpListener's Abort sends an empty 200 on Unix).
/// </summary>
internal sealed class CannedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private CannedResponse _last = CannedResponse.Json(200, "{}");

    public CannedHttpServer()
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public CannedHttpServer Reply(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(connection);
            _ = Task.Run(() => ServeConnectionAsync(connection));
        }
    }

    private async Task ServeConnectionAsync(TcpClient connection)
    {
        try
        {
            using (connection)
            {
                var stream = connection.GetStream();
                using var reader = new RequestReader(stream);
                while (!_stopping.IsCancellationRequested)
                {
                    var request = await reader.ReadAsync(_stopping.Token);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    var answer = _script.TryDequeue(out var next) ? _last = next : _last;
                    if (answer.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(answer.Delay, _stopping.Token);
                    }

                    if (answer.ResetAfterBytes is { } sent)
                    {
                        // Headers and part of the body, then a reset: the body breaks off mid-read.
                        await stream.WriteAsync(answer.Serialize().AsMemory(0, sent), _stopping.Token);
                        await stream.FlushAsync(_stopping.Token);
                        await Task.Delay(50, _stopping.Token);
                        connection.Client.LingerState = new LingerOption(true, 0);
                        connection.Client.Close();
                        return;
                    }

                    if (answer.StallAfterBytes is { } partial)
                    {
                        // Headers and part of the body, then nothing: the body never ends (a slow-loris server).
                        await stream.WriteAsync(answer.Serialize().AsMemory(0, partial), _stopping.Token);
                        await stream.FlushAsync(_stopping.Token);
                        await Task.Delay(Timeout.InfiniteTimeSpan, _stopping.Token);
                    }

                    if (answer.Reset)
                    {
                        // Linger 0 makes Close send a TCP RST: the client sees "connection reset by peer".
                        connection.Client.LingerState = new LingerOption(true, 0);
                        connection.Client.Close();
                        return;
                    }

                    await stream.WriteAsync(answer.Serialize(), _stopping.Token);
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (an attempt timeout) or the server is stopping.
        }
    }

    /// <summary>Reads HTTP/1.1 requests (Content-Length bodies) from one connection.</summary>
    private sealed class RequestReader(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly MemoryStream _pending = new();

        public async Task<RecordedRequest?> ReadAsync(CancellationToken cancellationToken)
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
            return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
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
}

/// <summary>One scripted answer.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay = default, bool Reset = false)
{
    public string ContentType { get; init; } = "application/x-amz-json-1.1";

    public string RequestId { get; init; } = "canned-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>When set, only this many bytes of the serialized answer are sent before the connection is reset.</summary>
    public int? ResetAfterBytes { get; init; }

    /// <summary>When set, only this many bytes of the serialized answer are sent, and then nothing until the server stops.</summary>
    public int? StallAfterBytes { get; init; }

    public static CannedResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(header => header.Name, header => header.Value));

    public static CannedResponse Error(int status, string type, string message = "") =>
        Json(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");

    public static CannedResponse ConnectionReset() => new(0, "", new Dictionary<string, string>(), Reset: true);

    public byte[] Serialize()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n")
            .Append("Content-Type: ").Append(ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("x-amzn-RequestId: ").Append(RequestId).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}

/// <summary>A request the server saw.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
