namespace ThirdPartyJobs.Artifacts;

/// <summary>What an extraction produced.</summary>
/// <param name="Directory">The full path of the directory the archive was extracted into.</param>
/// <param name="FileCount">How many files were written.</param>
/// <param name="DirectoryCount">How many directory entries the archive had.</param>
/// <param name="ExtractedBytes">The bytes written, counted as they were written.</param>
/// <param name="ArchiveBytes">The size of the archive.</param>
public sealed record ArchiveExtractionResult(string Directory, int FileCount, int DirectoryCount, long ExtractedBytes, long ArchiveBytes);
