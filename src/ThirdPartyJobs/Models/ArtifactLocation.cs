namespace ThirdPartyJobs;

/// <summary>Where an artifact is stored.</summary>
/// <param name="Type">The store type; <see cref="ArtifactLocationType.S3"/> today.</param>
/// <param name="S3Location">The S3 bucket and key, when the store is S3.</param>
public sealed record ArtifactLocation(ArtifactLocationType? Type, S3ArtifactLocation? S3Location);
