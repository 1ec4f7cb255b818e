namespace ThirdPartyJobs.Testing;

/// <summary>An input or output artifact of an emulated job: its name, S3 location and optional revision.</summary>
/// <param name="Name">The artifact name (model shape <c>ArtifactName</c>: 1-100 of <c>[a-zA-Z0-9_-]</c>).</param>
/// <param name="BucketName">The S3 bucket that holds the artifact.</param>
/// <param name="ObjectKey">The S3 object key of the artifact.</param>
/// <param name="Revision">The artifact revision (1-1500 characters), or <see langword="null"/> to leave it out.</param>
public sealed record ArtifactSpec(string Name, string BucketName, string ObjectKey, string? Revision = null)
{
    // Get-only: a spec is written once, in its constructor; no init accessors to keep in the public surface.

    /// <summary>The artifact name.</summary>
    public string Name { get; } = Name;

    /// <summary>The S3 bucket that holds the artifact.</summary>
    public string BucketName { get; } = BucketName;

    /// <summary>The S3 object key of the artifact.</summary>
    public string ObjectKey { get; } = ObjectKey;

    /// <summary>The artifact revision, or <see langword="null"/>.</summary>
    public string? Revision { get; } = Revision;
}
