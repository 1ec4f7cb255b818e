namespace ThirdPartyJobs;

/// <summary>An input or output artifact of a job.</summary>
/// <param name="Name">The artifact's name as declared in the pipeline; match artifacts by this, not by position.</param>
/// <param name="Revision">The artifact's revision (for example a commit id), when CodePipeline sends one.</param>
/// <param name="Location">Where the artifact is stored.</param>
public sealed record Artifact(string? Name, string? Revision, ArtifactLocation? Location);
