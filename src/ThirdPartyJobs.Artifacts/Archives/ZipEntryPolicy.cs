using System.IO.Compression;
using System.Text;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Decides whether a ZIP entry may be extracted and where to. Entry names are attacker-controlled:
/// both separators count, <c>..</c> segments, rooted names, drive letters and NULs are refused,
/// and the resolved path must stay under the target directory. Unix file types come from the high
/// 16 bits of the external attributes: links, devices, FIFOs and sockets are refused.
/// </summary>
internal static class ZipEntryPolicy
{
    /// <summary>Returns the entry's full destination path, and whether it is a directory; throws <see cref="UnsafeArchiveException"/> when it must not be extracted.</summary>
    public static (string Path, bool IsDirectory) Resolve(ZipArchiveEntry entry, string root, ArchiveLimits limits)
    {
        var name = entry.FullName;
        if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw Refuse(UnsafeArchiveReason.InvalidEntryName, name, "has an empty name or one with a NUL character");
        }

        // Before anything else touches the name, in one pass: a 32,000-level path must cost nothing.
        var depth = Depth(name);
        if (depth > limits.MaxPathDepth)
        {
            throw Refuse(UnsafeArchiveReason.PathTooDeep, name, $"has a path {depth} levels deep, more than the limit of {limits.MaxPathDepth} (ArchiveLimits.MaxPathDepth)");
        }

        if (name.Length > limits.MaxEntryNameLength)
        {
            throw Refuse(UnsafeArchiveReason.EntryNameTooLong, name, $"has a name of {name.Length} characters, more than the limit of {limits.MaxEntryNameLength} (ArchiveLimits.MaxEntryNameLength)");
        }

        var unixType = (entry.ExternalAttributes >> 16) & ZipFormat.UnixFileTypeMask;
        if (unixType == ZipFormat.UnixSymbolicLink)
        {
            throw Refuse(UnsafeArchiveReason.SymbolicLink, name, "is a symbolic link");
        }

        if (unixType is not (0 or ZipFormat.UnixRegularFile or ZipFormat.UnixDirectory))
        {
            throw Refuse(UnsafeArchiveReason.UnsupportedEntryType, name, "is a device, FIFO or socket");
        }

        var normalized = name.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':'))
        {
            throw Refuse(UnsafeArchiveReason.AbsolutePath, name, "has an absolute path");
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            if (segment == "..")
            {
                throw Refuse(UnsafeArchiveReason.PathTraversal, name, "climbs out of the target directory with '..'");
            }

            if (OperatingSystem.IsWindows() && segment.Contains(':', StringComparison.Ordinal))
            {
                throw Refuse(UnsafeArchiveReason.InvalidEntryName, name, "names an alternate data stream");
            }
        }

        var isDirectory = normalized.EndsWith('/') || unixType == ZipFormat.UnixDirectory;
        var relative = string.Join(Path.DirectorySeparatorChar, segments.Where(segment => segment != "."));
        if (relative.Length == 0)
        {
            // "./" or "/" style names that resolve to the root itself: harmless for directories.
            return isDirectory ? (root, true) : throw Refuse(UnsafeArchiveReason.InvalidEntryName, name, "resolves to the target directory itself");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!full.StartsWith(prefix, comparison))
        {
            throw Refuse(UnsafeArchiveReason.PathTraversal, name, "resolves outside the target directory");
        }

        return (full, isDirectory);
    }

    /// <summary>How many path segments <paramref name="name"/> has, either separator counting and empty segments not.</summary>
    private static int Depth(string name)
    {
        var depth = 0;
        var inSegment = false;
        foreach (var c in name)
        {
            var separator = c is '/' or '\\';
            if (!separator && !inSegment)
            {
                depth++;
            }

            inSegment = !separator;
        }

        return depth;
    }

    /// <summary>The entry's Unix permission bits, or null when the archive was not made on Unix or records none.</summary>
    public static UnixFileMode? Permissions(ZipArchiveEntry entry)
    {
        var mode = (entry.ExternalAttributes >> 16) & ZipFormat.UnixPermissionMask;
        return mode == 0 ? null : (UnixFileMode)mode;
    }

    public static UnsafeArchiveException Refuse(UnsafeArchiveReason reason, string? entryName, string what)
    {
        var printable = Printable(entryName);
        var message = printable is null ? $"The archive was refused: it {what}." : $"The archive was refused: entry '{printable}' {what}.";
        return new UnsafeArchiveException(message, reason, printable);
    }

    /// <summary>Entry names go into messages and logs; control characters must not forge log lines.</summary>
    public static string? Printable(string? name)
    {
        if (name is null)
        {
            return null;
        }

        const int MaxLength = 256;
        var text = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name.Length > MaxLength ? name[..MaxLength] : name)
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        return name.Length > MaxLength ? text.Append('…').ToString() : text.ToString();
    }
}
