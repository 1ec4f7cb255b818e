namespace ThirdPartyJobs;

/// <summary>
/// An input or output artifact of a job. The API model nests the store in a location
/// (<c>location.type</c>, <c>location.s3Location</c>); both of its members are here, one level up.
/// Members the service leaves out are null.
/// </summary>
public sealed record Artifact
{
    internal Artifact(string? name, string? revision, ArtifactLocationType? locationType, S3ArtifactLocation? s3Location) =>
        (Name, Revision, LocationType, S3Location) = (name, revision, locationType, s3Location);

    /// <summary>The artifact's name as declared in the pipeline; match artifacts by this, not by position.</summary>
    public string? Name { get; }

    /// <summary>The artifact's revision (for example a commit id), when CodePipeline sends one.</summary>
    public string? Revision { get; }

    /// <summary>The store type (<c>location.type</c>); <see cref="ArtifactLocationType.S3"/> today.</summary>
    public ArtifactLocationType? LocationType { get; }

    /// <summary>The S3 bucket and key (<c>location.s3Location</c>), when the store is S3.</summary>
    public S3ArtifactLocation? S3Location { get; }
}
