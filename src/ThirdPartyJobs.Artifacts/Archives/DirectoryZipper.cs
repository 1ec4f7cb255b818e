using System.Buffers;
using System.IO.Compression;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Zips a directory into a seekable stream, one file at a time (memory stays at one copy buffer).
/// Keeps relative paths with '/' separators, last-write times, empty directories and, on Unix, the
/// permission bits. Entries are sorted so the same tree gives the same entry order. A symbolic
/// link is archived as the file it points to when that file lies inside the directory; a link to a
/// directory or outside the directory is refused, since following it could loop or leak files.
/// </summary>
internal static class DirectoryZipper
{
    private static readonly DateTimeOffset EarliestZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestZipTime = new(2107, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the number of files archived.</summary>
    public static int Create(string directory, Stream destination, CompressionLevel compressionLevel, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(root))
        {
            throw new ArgumentException($"The directory '{directory}' does not exist.", nameof(directory));
        }

        var files = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ZipFormat.CopyBufferSize);
        try
        {
            using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.TryPop(out var current))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var children = new DirectoryInfo(current).GetFileSystemInfos();
                Array.Sort(children, (left, right) => string.CompareOrdinal(left.Name, right.Name));
                if (children.Length == 0 && !string.Equals(current, root, StringComparison.Ordinal))
                {
                    AddDirectoryEntry(archive, root, current);
                }

                // Reverse so that the stack pops subdirectories in sorted order.
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    var child = children[i];
                    if (child is DirectoryInfo && child.LinkTarget is null)
                    {
                        pending.Push(child.FullName);
                    }
                }

                foreach (var child in children)
                {
                    if (child is DirectoryInfo && child.LinkTarget is null)
                    {
                        continue;
                    }

                    var source = ResolveFile(child, root);
                    AddFile(archive, root, child.FullName, source, compressionLevel, buffer, cancellationToken);
                    files++;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return files;
    }

    private static FileInfo ResolveFile(FileSystemInfo item, string directory)
    {
        if (item.LinkTarget is null)
        {
            return (FileInfo)item;
        }

        var relative = Path.GetRelativePath(directory, item.FullName);
        var target = item.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            throw new ArgumentException($"The symbolic link '{relative}' is broken.", nameof(directory));
        }

        if (target is DirectoryInfo)
        {
            throw new ArgumentException($"The symbolic link '{relative}' points to a directory; such links are not archived (they could loop). Copy the directory instead.", nameof(directory));
        }

        var prefix = directory + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!Path.GetFullPath(target.FullName).StartsWith(prefix, comparison))
        {
            throw new ArgumentException($"The symbolic link '{relative}' points outside the directory; archiving it would leak a file that is not part of the output.", nameof(directory));
        }

        return (FileInfo)target;
    }

    private static void AddFile(ZipArchive archive, string root, string path, FileInfo source, CompressionLevel compressionLevel, byte[] buffer, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(EntryName(root, path), compressionLevel);
        entry.LastWriteTime = Clamp(source.LastWriteTime);
        if (!OperatingSystem.IsWindows())
        {
            entry.ExternalAttributes = (ZipFormat.UnixRegularFile | (int)File.GetUnixFileMode(source.FullName)) << 16;
        }

        using var input = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        using var output = entry.Open();
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Write(buffer, 0, read);
        }
    }

    private static void AddDirectoryEntry(ZipArchive archive, string root, string path)
    {
        var entry = archive.CreateEntry(EntryName(root, path) + "/", CompressionLevel.NoCompression);
        entry.LastWriteTime = Clamp(Directory.GetLastWriteTime(path));
        if (!OperatingSystem.IsWindows())
        {
            entry.ExternalAttributes = (ZipFormat.UnixDirectory | (int)File.GetUnixFileMode(path)) << 16;
        }
    }

    private static string EntryName(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static DateTimeOffset Clamp(DateTime time)
    {
        var value = new DateTimeOffset(time);
        return value < EarliestZipTime ? EarliestZipTime : value > LatestZipTime ? LatestZipTime : value;
    }
}
