using System.IO.Compression;
using ThirdPartyJobs.Artifacts.Archives;

namespace ThirdPartyJobs.Artifacts.Tests.Archives;

/// <summary>Cancellation in the middle of an extraction stops it promptly and leaves the target as it was.</summary>
public sealed class ExtractionCancellationTests() : SandboxTest("tpj-cancel-")
{
    [Test]
    public async Task Cancelled_while_an_entry_is_written_the_extraction_stops_and_the_target_stays_as_it_was()
    {
        var target = Path.Combine(Sandbox, "out");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "mine");
        var zip = ZipFactory.Create(zip =>
        {
            zip.AddText("keep.txt", "replaced");
            zip.AddFile("big.bin", new byte[8 * 1024 * 1024], CompressionLevel.NoCompression);
            zip.AddText("last.txt", "never written");
        });
        using var cancellation = new CancellationTokenSource();

        // Cancels once the extractor has read 1 MiB of entry data: in the middle of big.bin.
        using var archive = new CancellingStream(new MemoryStream(zip), cancellation, afterBytes: 1024 * 1024);

        Assert.That(() => SafeZipExtractor.Extract(archive, target, new ArchiveLimits(), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(archive.BytesRead, Is.LessThan(zip.Length), "stopped before the end of the archive");
            Assert.That(File.ReadAllText(Path.Combine(target, "keep.txt")), Is.EqualTo("mine"));
            Assert.That(Directory.EnumerateFileSystemEntries(Sandbox), Is.EqualTo(new[] { target }), "no staging directory left");
            Assert.That(Directory.EnumerateFileSystemEntries(target), Is.EqualTo(new[] { Path.Combine(target, "keep.txt") }));
        });
    }

    /// <summary>A read-only stream that cancels <paramref name="cancellation"/> once more than <paramref name="afterBytes"/> were read through it.</summary>
    private sealed class CancellingStream(Stream inner, CancellationTokenSource cancellation, long afterBytes) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            if (BytesRead > afterBytes)
            {
                cancellation.Cancel();
            }

            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
