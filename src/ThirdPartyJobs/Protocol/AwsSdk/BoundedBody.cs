using System.Buffers;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Reads a response body up to a bound into one array. The SDK's unmarshallers read synchronously,
/// so the attempt's token disposes the stream when cancelled: a slow or endless body never holds
/// an attempt past its timeout or the caller's cancellation.
/// </summary>
internal static class BoundedBody
{
    private const int ScratchBytes = 16 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> bytes; <paramref name="truncated"/> says whether more followed.</summary>
    // Reads into a pooled scratch buffer so that a call allocates only the final body array.
    // The scratch bytes may hold secrets (artifact credentials), so they are cleared before the buffer goes back.
    public static byte[] Read(Stream stream, int limit, CancellationToken cancellationToken, out bool truncated)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream)
            : default;
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(Math.Min(ScratchBytes, limit + 1));
        var written = 0;
        try
        {
            while (true)
            {
                if (written == buffer.Length)
                {
                    var larger = pool.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, written).CopyTo(larger);
                    Release(pool, buffer, written);
                    buffer = larger;
                }

                int read;
                try
                {
                    read = stream.Read(buffer, written, Math.Min(buffer.Length, limit + 1) - written);
                }
                catch (Exception error) when (cancellationToken.IsCancellationRequested && error is ObjectDisposedException or IOException)
                {
                    throw new OperationCanceledException("Reading the response body was cancelled.", error, cancellationToken);
                }

                if (read == 0)
                {
                    truncated = false;
                    return buffer.AsSpan(0, written).ToArray();
                }

                written += read;
                if (written > limit)
                {
                    truncated = true;
                    return buffer.AsSpan(0, limit).ToArray();
                }
            }
        }
        finally
        {
            Release(pool, buffer, written);
        }
    }

    private static void Release(ArrayPool<byte> pool, byte[] buffer, int written)
    {
        buffer.AsSpan(0, Math.Min(written, buffer.Length)).Clear();
        pool.Return(buffer);
    }
}
