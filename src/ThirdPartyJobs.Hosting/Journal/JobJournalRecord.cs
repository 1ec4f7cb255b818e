namespace ThirdPartyJobs.Hosting;

/// <summary>
/// What the worker records about a job it acknowledged, before its handler runs, so that a
/// worker that starts after a crash can report it. Never a client token, a credential or a
/// configuration value: the client token is looked up again through <see cref="IClientTokenProvider"/>.
/// </summary>
public sealed class JobJournalRecord
{
    /// <summary>The job's id.</summary>
    public required string JobId { get; init; }

    /// <summary>The kind of job: the action type's owner (<c>ThirdParty</c>, or <c>Custom</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>Who the job belongs to: a third-party job's client id, or a custom job's account id (no token is needed to report a custom job).</summary>
    public required string ClientId { get; init; }

    /// <summary>When the worker acknowledged the job.</summary>
    public required DateTimeOffset AcknowledgedAt { get; init; }

    /// <summary>When the worker would have reported the job as failed (its time limit).</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The continuation token the job arrived with (null for a fresh job): where a recovery hook may resume.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Describes the record by job and client id only: <c>JobJournalRecord { JobId = …, Kind = …, ClientId = … }</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"JobJournalRecord {{ JobId = {JobId}, Kind = {Kind}, ClientId = {ClientId} }}";
}
