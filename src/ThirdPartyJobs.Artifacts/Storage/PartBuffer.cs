using System.Buffers;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>One part's worth of upload data in a pooled array: the unit that bounds upload memory.</summary>
internal sealed class PartBuffer : IDisposable
{
    private byte[]? _array;

    private PartBuffer(byte[] array) => _array = array;

    public int Length { get; private set; }

    public static async Task<PartBuffer> FillAsync(Stream source, int size, CancellationToken cancellationToken)
    {
        var buffer = new PartBuffer(ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var array = buffer._array!;
            while (buffer.Length < size)
            {
                var read = await source.ReadAsync(array.AsMemory(buffer.Length, size - buffer.Length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Length += read;
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>A fresh read-only stream over the data, for one attempt of a request.</summary>
    public MemoryStream OpenRead() => new(_array ?? throw new ObjectDisposedException(nameof(PartBuffer)), 0, Length, writable: false);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
