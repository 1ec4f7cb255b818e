namespace ThirdPartyJobs.Testing;

/// <summary>The <c>currentRevision</c> of a success result, as the worker sent it.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="ChangeIdentifier">The change identifier.</param>
/// <param name="Created">The <c>created</c> time (sent as epoch seconds, to the millisecond), if sent.</param>
/// <param name="RevisionSummary">The revision summary, if sent.</param>
public sealed record ReportedCurrentRevision(string Revision, string ChangeIdentifier, DateTimeOffset? Created, string? RevisionSummary);
