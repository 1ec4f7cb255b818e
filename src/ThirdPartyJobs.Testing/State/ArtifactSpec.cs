namespace ThirdPartyJobs.Testing;

/// <summary>An input or output artifact of an emulated job: its name, S3 location and optional revision.</summary>
/// <param name="Name">The artifact name (model shape <c>ArtifactName</c>: 1-100 of <c>[a-zA-Z0-9_-]</c>).</param>
/// <param name="BucketName">The S3 bucket that holds the artifact.</param>
/// <param name="ObjectKey">The S3 object key of the artifact.</param>
/// <param name="Revision">The artifact revision (1-1500 characters), or <see langword="null"/> to leave it out.</param>
public sealed record ArtifactSpec(string Name, string BucketName, string ObjectKey, string? Revision = null);
