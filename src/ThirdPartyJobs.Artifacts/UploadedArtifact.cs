namespace ThirdPartyJobs.Artifacts;

/// <summary>An output artifact as stored in S3: a result, read-only (create one for a fake <see cref="IJobArtifacts"/> in a test).</summary>
/// <param name="Name">The artifact's name.</param>
/// <param name="BucketName">The bucket it was stored in.</param>
/// <param name="ObjectKey">Its object key.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ETag">The object's ETag, as S3 returned it.</param>
/// <param name="VersionId">The object's version id, when the bucket is versioned.</param>
/// <param name="PartCount">1 for a single request, otherwise the number of multipart parts.</param>
public sealed record UploadedArtifact(string Name, string BucketName, string ObjectKey, long Size, string? ETag, string? VersionId, int PartCount)
{
    /// <summary>The artifact's name.</summary>
    public string Name { get; } = Name;

    /// <summary>The bucket it was stored in.</summary>
    public string BucketName { get; } = BucketName;

    /// <summary>Its object key.</summary>
    public string ObjectKey { get; } = ObjectKey;

    /// <summary>Its size in bytes.</summary>
    public long Size { get; } = Size;

    /// <summary>The object's ETag, as S3 returned it.</summary>
    public string? ETag { get; } = ETag;

    /// <summary>The object's version id, when the bucket is versioned.</summary>
    public string? VersionId { get; } = VersionId;

    /// <summary>1 for a single request, otherwise the number of multipart parts.</summary>
    public int PartCount { get; } = PartCount;
}
