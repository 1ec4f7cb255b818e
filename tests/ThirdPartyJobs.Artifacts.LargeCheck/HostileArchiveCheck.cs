using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ThirdPartyJobs.Artifacts;

/// <summary>
/// Times one hostile archive of issue 11 in a fresh process (so the peak working set is the case's own):
/// <c>deep-path</c> (one entry, <c>a/</c> 32,000 times plus <c>f.txt</c>) or <c>overlap</c> (ten
/// central-directory entries on one 99 MiB deflate stream). Prints the outcome, the time, the bytes
/// allocated and the process's peak working set before and after.
/// </summary>
internal static class HostileArchiveCheck
{
    public static async Task<int> RunAsync(string scenario)
    {
        var work = Path.Combine(Path.GetTempPath(), "tpj-hostile-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var archive = Path.Combine(work, "hostile.zip");
            switch (scenario)
            {
                case "deep-path":
                    WriteDeepPath(archive);
                    break;
                case "overlap":
                    WriteOverlapping(archive);
                    break;
                default:
                    Console.Error.WriteLine("usage: --hostile deep-path|overlap");
                    return 2;
            }

            using var process = Process.GetCurrentProcess();
            GC.Collect();
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                var result = await ArtifactArchive.ExtractAsync(archive, Path.Combine(work, "out"));
                outcome = $"extracted {result.FileCount} file(s), {result.ExtractedBytes} bytes";
            }
            catch (Exception error)
            {
                outcome = error is UnsafeArchiveException unsafeArchive ? $"{error.GetType().Name} ({unsafeArchive.Reason})" : error.GetType().Name;
            }

            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            Console.WriteLine($"{scenario}: {new FileInfo(archive).Length:N0}-byte archive -> {outcome} after {clock.Elapsed.TotalMilliseconds:0.0} ms; " +
                $"{allocated / 1024.0 / 1024:0.0} MiB allocated; peak working set {peakBefore / 1024 / 1024} MiB before, {process.PeakWorkingSet64 / 1024 / 1024} MiB after");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void WriteDeepPath(string path)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using var entry = new StreamWriter(zip.CreateEntry(string.Concat(Enumerable.Repeat("a/", 32_000)) + "f.txt").Open());
        entry.Write("deep");
    }

    /// <summary>One entry of 99 MiB of zeros (written in chunks), its central-directory record repeated ten times.</summary>
    private static void WriteOverlapping(string path)
    {
        using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("0.bin", CompressionLevel.SmallestSize).Open())
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 99; i++)
            {
                entry.Write(chunk);
            }
        }

        var bytes = File.ReadAllBytes(path);
        var end = bytes.Length - 22;
        var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 12));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        using var output = File.Create(path);
        output.Write(bytes, 0, offset);
        for (var i = 0; i < 10; i++)
        {
            var record = bytes.AsSpan(offset, size).ToArray();
            Encoding.ASCII.GetBytes($"{i}.bin").CopyTo(record, 46);
            output.Write(record);
        }

        var endRecord = bytes.AsSpan(end, 22).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(8), 10);
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(10), 10);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(12), (uint)(size * 10));
        output.Write(endRecord);
    }
}
