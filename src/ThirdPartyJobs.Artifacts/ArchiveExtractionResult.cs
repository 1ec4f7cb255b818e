namespace ThirdPartyJobs.Artifacts;

/// <summary>What an extraction produced: a result, read-only (create one for a fake <see cref="IJobArtifacts"/> in a test).</summary>
/// <param name="Directory">The full path of the directory the archive was extracted into.</param>
/// <param name="FileCount">How many files were written.</param>
/// <param name="DirectoryCount">How many directory entries the archive had.</param>
/// <param name="ExtractedBytes">The bytes written, counted as they were written.</param>
/// <param name="ArchiveBytes">The size of the archive.</param>
public sealed record ArchiveExtractionResult(string Directory, int FileCount, int DirectoryCount, long ExtractedBytes, long ArchiveBytes)
{
    /// <summary>The full path of the directory the archive was extracted into.</summary>
    public string Directory { get; } = Directory;

    /// <summary>How many files were written.</summary>
    public int FileCount { get; } = FileCount;

    /// <summary>How many directory entries the archive had.</summary>
    public int DirectoryCount { get; } = DirectoryCount;

    /// <summary>The bytes written, counted as they were written.</summary>
    public long ExtractedBytes { get; } = ExtractedBytes;

    /// <summary>The size of the archive.</summary>
    public long ArchiveBytes { get; } = ArchiveBytes;
}
