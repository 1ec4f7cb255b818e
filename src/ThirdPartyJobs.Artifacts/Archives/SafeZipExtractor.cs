using System.Buffers;
using System.IO.Compression;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Extracts a ZIP archive without trusting it. Before anything is written: the entry count (from the end
/// record, before the central directory is parsed), every entry's name, depth, length and type
/// (<see cref="ZipEntryPolicy"/>), the declared sizes, and that no two entries share bytes
/// (<see cref="ZipOverlapCheck"/>). Then everything is written into a staging directory beside the target,
/// the size and ratio limits enforced on the bytes actually written, per entry and for the whole archive,
/// and cancellation observed per entry and per buffer; only a complete extraction is moved into the
/// target (<see cref="ExtractionCommit"/>). A refused, failed or cancelled extraction leaves the target as it was.
/// </summary>
internal static class SafeZipExtractor
{
    public static ArchiveExtractionResult Extract(Stream archiveStream, string directory, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var archiveBytes = archiveStream.Length;
        var end = ZipEndRecord.Read(archiveStream)
            ?? throw new ArtifactException("The artifact is not a ZIP archive: it has no end-of-central-directory record.");
        if (end.Entries > limits.MaxEntries)
        {
            throw TooManyEntries(end.Entries, limits);
        }

        archiveStream.Seek(0, SeekOrigin.Begin);
        using var archive = OpenArchive(archiveStream);
        var entries = ReadEntries(archive);
        if (entries.Count > limits.MaxEntries)
        {
            throw TooManyEntries(entries.Count, limits);
        }

        var plan = Vet(entries, root, limits, cancellationToken);
        ZipOverlapCheck.ThrowIfOverlapping(archiveStream, end with { Entries = entries.Count }, cancellationToken);

        using var staging = StagingDirectory.Create(root);
        long written = 0;
        int files = 0, directories = 0;
        foreach (var (entry, relative, isDirectory) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (isDirectory)
            {
                staging.EnsureDirectory(relative, entry.FullName);
                directories++;
                continue;
            }

            written += WriteFile(entry, staging.PrepareFile(relative, entry.FullName), limits, written, archiveBytes, cancellationToken);
            files++;
        }

        ExtractionCommit.Apply(staging, root, cancellationToken);
        return new ArchiveExtractionResult(root, files, directories, written, archiveBytes);
    }

    /// <summary>Every entry's relative destination, refusing the first unsafe one; nothing is created yet.</summary>
    private static List<(ZipArchiveEntry Entry, string Relative, bool IsDirectory)> Vet(System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries, string root, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var plan = new List<(ZipArchiveEntry Entry, string Relative, bool IsDirectory)>(entries.Count);
        long declaredBytes = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (path, isDirectory) = ZipEntryPolicy.Resolve(entry, root, limits);
            plan.Add((entry, path.Length == root.Length ? string.Empty : path[(root.Length + 1)..], isDirectory));
            declaredBytes += Math.Max(0, entry.Length);
            if (declaredBytes > limits.MaxTotalBytes)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.TooLarge, null, $"declares more than the limit of {limits.MaxTotalBytes} bytes (ArchiveLimits.MaxTotalBytes)");
            }
        }

        return plan;
    }

    private static long WriteFile(ZipArchiveEntry entry, string path, ArchiveLimits limits, long writtenBefore, long archiveBytes, CancellationToken cancellationToken)
    {
        var ratioLimit = limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
        var buffer = ArrayPool<byte>.Shared.Rent(ZipFormat.CopyBufferSize);
        long written = 0;
        try
        {
            using (var source = OpenEntry(entry))
            using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0)) // in the staging directory: ours
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int read;
                    try
                    {
                        read = source.Read(buffer, 0, buffer.Length);
                    }
                    catch (InvalidDataException error)
                    {
                        throw Corrupt(entry, error);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    written += read;
                    if (writtenBefore + written > limits.MaxTotalBytes)
                    {
                        throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.TooLarge, entry.FullName, $"takes the archive past the limit of {limits.MaxTotalBytes} extracted bytes (ArchiveLimits.MaxTotalBytes)");
                    }

                    if (written > limits.CompressionRatioThresholdBytes && written > ratioLimit)
                    {
                        throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.CompressionRatioExceeded, entry.FullName, $"expands more than {limits.MaxCompressionRatio} times its compressed size of {entry.CompressedLength} bytes (ArchiveLimits.MaxCompressionRatio)");
                    }

                    // The whole archive too: many entries, each under the threshold, must not add up to a bomb.
                    var total = writtenBefore + written;
                    if (total > limits.CompressionRatioThresholdBytes && total > limits.MaxCompressionRatio * Math.Max(1, archiveBytes))
                    {
                        throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.CompressionRatioExceeded, entry.FullName, $"takes the archive past {limits.MaxCompressionRatio} times its size of {archiveBytes} bytes (ArchiveLimits.MaxCompressionRatio)");
                    }

                    target.Write(buffer, 0, read);
                }
            }

            File.SetLastWriteTime(path, entry.LastWriteTime.DateTime);
            if (!OperatingSystem.IsWindows() && ZipEntryPolicy.Permissions(entry) is { } mode)
            {
                File.SetUnixFileMode(path, mode);
            }

            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ZipArchive OpenArchive(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException("The artifact is not a valid ZIP archive: " + error.Message, error);
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> ReadEntries(ZipArchive archive)
    {
        try
        {
            return archive.Entries;
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException("The artifact is not a valid ZIP archive: " + error.Message, error);
        }
    }

    private static Stream OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException error)
        {
            throw Corrupt(entry, error);
        }
    }

    private static ArtifactException Corrupt(ZipArchiveEntry entry, InvalidDataException error) =>
        new($"The artifact's entry '{ZipEntryPolicy.Printable(entry.FullName)}' is corrupt: {error.Message}", default, error);

    private static UnsafeArchiveException TooManyEntries(long count, ArchiveLimits limits) =>
        ZipEntryPolicy.Refuse(UnsafeArchiveReason.TooManyEntries, null, $"has {count} entries, more than the limit of {limits.MaxEntries} (ArchiveLimits.MaxEntries)");
}
