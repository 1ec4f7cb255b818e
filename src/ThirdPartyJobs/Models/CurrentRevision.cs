namespace ThirdPartyJobs;

/// <summary>The revision a successful job worked on, reported with its result.</summary>
/// <param name="Revision">The revision id (1–1500 characters), e.g. a commit id.</param>
/// <param name="ChangeIdentifier">The change identifier (1–100 characters).</param>
/// <param name="Created">When the revision was created; sent as epoch seconds with millisecond precision.</param>
/// <param name="RevisionSummary">A summary of the revision (1–2048 characters).</param>
public sealed record CurrentRevision(string Revision, string ChangeIdentifier, DateTimeOffset? Created = null, string? RevisionSummary = null)
{
    /// <summary>The revision id.</summary>
    public string Revision { get; } = Revision;

    /// <summary>The change identifier.</summary>
    public string ChangeIdentifier { get; } = ChangeIdentifier;

    /// <summary>When the revision was created.</summary>
    public DateTimeOffset? Created { get; } = Created;

    /// <summary>A summary of the revision.</summary>
    public string? RevisionSummary { get; } = RevisionSummary;
}
