namespace ThirdPartyJobs;

/// <summary>An input or output artifact of a job. Members the service leaves out are null.</summary>
public sealed record Artifact
{
    internal Artifact(string? name, string? revision, ArtifactLocation? location)
    {
        Name = name;
        Revision = revision;
        Location = location;
    }

    /// <summary>The artifact's name as declared in the pipeline; match artifacts by this, not by position.</summary>
    public string? Name { get; }

    /// <summary>The artifact's revision (for example a commit id), when CodePipeline sends one.</summary>
    public string? Revision { get; }

    /// <summary>Where the artifact is stored.</summary>
    public ArtifactLocation? Location { get; }
}
