using System.Buffers;
using System.IO.Compression;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Extracts a ZIP archive without trusting it: every entry is vetted (<see cref="ZipEntryPolicy"/>)
/// before anything is written, the entry count is checked before the central directory is parsed,
/// and size limits are enforced on the bytes actually written. On any failure the files and
/// directories this extraction created are removed.
/// </summary>
internal static class SafeZipExtractor
{
    private const int CopyBufferSize = 128 * 1024;

    public static ArchiveExtractionResult Extract(Stream archiveStream, string directory, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var archiveBytes = archiveStream.Length;
        var declaredEntries = ZipEntryCountProbe.ReadDeclaredEntryCount(archiveStream)
            ?? throw new ArtifactException("The artifact is not a ZIP archive: it has no end-of-central-directory record.");
        if (declaredEntries > limits.MaxEntries)
        {
            throw TooManyEntries(declaredEntries, limits);
        }

        archiveStream.Seek(0, SeekOrigin.Begin);
        using var archive = OpenArchive(archiveStream);
        var entries = ReadEntries(archive);
        if (entries.Count > limits.MaxEntries)
        {
            throw TooManyEntries(entries.Count, limits);
        }

        // Vet every entry before writing anything.
        var plan = new List<(ZipArchiveEntry Entry, string Path, bool IsDirectory)>(entries.Count);
        long declaredBytes = 0;
        foreach (var entry in entries)
        {
            var (path, isDirectory) = ZipEntryPolicy.Resolve(entry, root);
            plan.Add((entry, path, isDirectory));
            declaredBytes += Math.Max(0, entry.Length);
            if (declaredBytes > limits.MaxTotalBytes)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.TooLarge, null, $"declares more than the limit of {limits.MaxTotalBytes} bytes (ArchiveLimits.MaxTotalBytes)");
            }
        }

        var tracker = new CreatedPaths(root);
        try
        {
            tracker.EnsureDirectory(root);
            long written = 0;
            int files = 0, directories = 0;
            foreach (var (entry, path, isDirectory) in plan)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (isDirectory)
                {
                    tracker.EnsureDirectory(path);
                    directories++;
                    continue;
                }

                tracker.EnsureDirectory(Path.GetDirectoryName(path)!);
                written += WriteFile(entry, path, tracker, limits, written, cancellationToken);
                files++;
            }

            return new ArchiveExtractionResult(root, files, directories, written, archiveBytes);
        }
        catch
        {
            tracker.RollBack();
            throw;
        }
    }

    private static long WriteFile(ZipArchiveEntry entry, string path, CreatedPaths tracker, ArchiveLimits limits, long writtenBefore, CancellationToken cancellationToken)
    {
        tracker.PrepareFile(path, entry.FullName);
        var ratioLimit = limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long written = 0;
        try
        {
            using (var source = OpenEntry(entry))
            using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
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
            throw new ArtifactException("The artifact is not a valid ZIP archive: " + error.Message, default, error);
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
            throw new ArtifactException("The artifact is not a valid ZIP archive: " + error.Message, default, error);
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

    /// <summary>
    /// The directories and files one extraction created, so that a refused or failed extraction can
    /// remove them; also refuses to write through links that already exist in the target directory.
    /// </summary>
    private sealed class CreatedPaths(string root)
    {
        private readonly HashSet<string> _verified = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        private readonly List<string> _directories = [];
        private readonly List<string> _files = [];

        public void EnsureDirectory(string directory)
        {
            if (_verified.Contains(directory))
            {
                return;
            }

            if (string.Equals(directory, root, StringComparison.Ordinal))
            {
                // The caller chose the root; it may itself be a link.
                if (!Directory.Exists(root))
                {
                    Directory.CreateDirectory(root);
                    _directories.Add(root);
                }

                _verified.Add(root);
                return;
            }

            // Walk down from the root so that no link that already exists along the way is followed.
            var parent = Path.GetDirectoryName(directory);
            if (parent is null || parent.Length < root.Length)
            {
                throw new InvalidOperationException("A vetted path left the target directory.");
            }

            EnsureDirectory(parent);
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.PathTraversal, Relative(directory), "would be written through a link that already exists in the target directory");
            }

            if (info.Exists)
            {
                // An existing directory of the target: used, never removed.
            }
            else if (File.Exists(directory))
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, Relative(directory), "needs a directory where the archive (or the target) has a file");
            }
            else
            {
                Directory.CreateDirectory(directory);
                _directories.Add(directory);
            }

            _verified.Add(directory);
        }

        public void PrepareFile(string path, string entryName)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // Replace an existing link with a regular file instead of writing through it.
                info.Delete();
            }
            else if (Directory.Exists(path))
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, entryName, "needs a file where the archive (or the target) has a directory");
            }
            else if (info.Exists)
            {
                return;
            }

            _files.Add(path);
        }

        public void RollBack()
        {
            foreach (var file in _files)
            {
                TryDelete(() => File.Delete(file));
            }

            for (var i = _directories.Count - 1; i >= 0; i--)
            {
                var directory = _directories[i];
                TryDelete(() => Directory.Delete(directory, recursive: false));
            }
        }

        private string Relative(string path) => Path.GetRelativePath(root, path);

        private static void TryDelete(Action delete)
        {
            try
            {
                delete();
            }
            catch (IOException)
            {
                // Best effort: a directory that holds files the extraction did not create stays.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort, as above.
            }
        }
    }
}
