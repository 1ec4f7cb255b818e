using ThirdPartyJobs.Artifacts;

namespace ThirdPartyJobs.Sample;

/// <summary>What the demo build of one job did with its artifacts.</summary>
internal sealed record BuildReport(
    string JobId,
    Artifact Input,
    ArchiveExtractionResult Extracted,
    int FileCount,
    long TotalBytes,
    UploadedArtifact Output,
    string? KmsKeyId);
