namespace ThirdPartyJobs;

/// <summary>The S3 object that holds an artifact. The API model calls both members required, but a client keeps what the service sends: a member left out is null.</summary>
public sealed record S3ArtifactLocation
{
    internal S3ArtifactLocation(string? bucketName, string? objectKey) =>
        (BucketName, ObjectKey) = (bucketName, objectKey);

    /// <summary>The pipeline's artifact bucket.</summary>
    public string? BucketName { get; }

    /// <summary>The artifact's object key (a ZIP file).</summary>
    public string? ObjectKey { get; }
}
