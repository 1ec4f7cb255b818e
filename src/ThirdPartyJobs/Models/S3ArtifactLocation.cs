namespace ThirdPartyJobs;

/// <summary>The S3 object that holds an artifact.</summary>
/// <param name="BucketName">The pipeline's artifact bucket.</param>
/// <param name="ObjectKey">The artifact's object key (a ZIP file).</param>
public sealed record S3ArtifactLocation(string BucketName, string ObjectKey);
