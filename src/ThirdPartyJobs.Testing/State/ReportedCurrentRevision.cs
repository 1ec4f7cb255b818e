namespace ThirdPartyJobs.Testing;

/// <summary>The <c>currentRevision</c> of a success result, as the worker sent it.</summary>
public sealed record ReportedCurrentRevision
{
    internal ReportedCurrentRevision(string revision, string changeIdentifier, DateTimeOffset? created, string? revisionSummary)
    {
        Revision = revision;
        ChangeIdentifier = changeIdentifier;
        Created = created;
        RevisionSummary = revisionSummary;
    }

    /// <summary>The revision.</summary>
    public string Revision { get; }

    /// <summary>The change identifier.</summary>
    public string ChangeIdentifier { get; }

    /// <summary>The <c>created</c> time (sent as epoch seconds, to the millisecond), if sent.</summary>
    public DateTimeOffset? Created { get; }

    /// <summary>The revision summary, if sent.</summary>
    public string? RevisionSummary { get; }
}
