using System.ComponentModel.DataAnnotations;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// Limits enforced while an artifact is extracted. They are checked against the bytes actually
/// written, never against the sizes an archive declares, so a lying header cannot get past them.
/// A breach stops extraction with an <see cref="UnsafeArchiveException"/>.
/// </summary>
public sealed class ArchiveLimits
{
    /// <summary>The most entries (files and directories) an archive may have. Default 250,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEntries { get; set; } = 250_000;

    /// <summary>The most bytes all entries together may expand to. Default 16 GiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>
    /// The highest ratio of expanded to compressed size one entry may reach once it has expanded
    /// beyond <see cref="CompressionRatioThresholdBytes"/>, and that all entries together may reach
    /// against the archive's size once they have expanded beyond that threshold. Default 500
    /// (ordinary build output compresses far less; a bomb far more).
    /// </summary>
    [Range(1.0, double.MaxValue)]
    public double MaxCompressionRatio { get; set; } = 500;

    /// <summary>Entries smaller than this are exempt from <see cref="MaxCompressionRatio"/> (small, highly repetitive files are normal). Default 100 MiB.</summary>
    [Range(0L, long.MaxValue)]
    public long CompressionRatioThresholdBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The most directory levels an entry's path may have (<c>a/b/c.txt</c> has 3). Checked before anything is
    /// created: a path of 32,000 levels is refused in microseconds. Default 128.
    /// </summary>
    [Range(1, 4096)]
    public int MaxPathDepth { get; set; } = 128;

    /// <summary>The most characters an entry's name (its path in the archive) may have. Default 2,048.</summary>
    [Range(1, 65_535)]
    public int MaxEntryNameLength { get; set; } = 2048;
}
