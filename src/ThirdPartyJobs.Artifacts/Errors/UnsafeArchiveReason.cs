namespace ThirdPartyJobs.Artifacts;

/// <summary>Why an archive was refused (see <see cref="UnsafeArchiveException"/>).</summary>
public enum UnsafeArchiveReason
{
    /// <summary>An entry's name has a <c>..</c> segment or would otherwise resolve outside the target directory, or would be written through a link in it.</summary>
    PathTraversal = 1,

    /// <summary>An entry's name is an absolute path (<c>/etc/x</c>, <c>C:\x</c>, <c>\\server\x</c>).</summary>
    AbsolutePath,

    /// <summary>An entry is a symbolic link.</summary>
    SymbolicLink,

    /// <summary>An entry is a device, FIFO or socket.</summary>
    UnsupportedEntryType,

    /// <summary>An entry's name is empty or contains a NUL character.</summary>
    InvalidEntryName,

    /// <summary>The archive has more entries than <see cref="ArchiveLimits.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>The archive expands to more than <see cref="ArchiveLimits.MaxTotalBytes"/>.</summary>
    TooLarge,

    /// <summary>An entry, or the archive as a whole, expands more than <see cref="ArchiveLimits.MaxCompressionRatio"/> times its compressed size.</summary>
    CompressionRatioExceeded,

    /// <summary>An entry's path has more directory levels than <see cref="ArchiveLimits.MaxPathDepth"/>.</summary>
    PathTooDeep,

    /// <summary>An entry's name is longer than <see cref="ArchiveLimits.MaxEntryNameLength"/>.</summary>
    EntryNameTooLong,

    /// <summary>Two entries share bytes of the archive (their local headers or compressed data overlap), a way to make a small archive expand many times over.</summary>
    OverlappingEntries,
}
