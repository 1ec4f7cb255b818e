namespace ThirdPartyJobs;

/// <summary>Where an artifact is stored. Members the service leaves out are null.</summary>
public sealed record ArtifactLocation
{
    internal ArtifactLocation(ArtifactLocationType? type, S3ArtifactLocation? s3Location)
    {
        Type = type;
        S3Location = s3Location;
    }

    /// <summary>The store type; <see cref="ArtifactLocationType.S3"/> today.</summary>
    public ArtifactLocationType? Type { get; }

    /// <summary>The S3 bucket and key, when the store is S3.</summary>
    public S3ArtifactLocation? S3Location { get; }
}
