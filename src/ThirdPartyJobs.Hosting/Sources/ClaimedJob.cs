namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// A job this worker owns (acknowledged, in progress), with the source that claimed it: the one that
/// renews and reports it (so a job recovered from the journal goes back through its own kind's API).
/// The client token stays here and in the source: <see cref="ToString"/> names the job only.
/// </summary>
/// <param name="Source">The source of the job's kind, which renews and reports it.</param>
/// <param name="JobId">The job's id.</param>
/// <param name="ClientId">The third-party job's client id, or the custom job's account id.</param>
/// <param name="ClientToken">The token that acts for the job (third-party jobs); null for custom jobs.</param>
/// <param name="Data">The job's data as claimed; null for a job resumed from the journal (only reported).</param>
internal sealed record ClaimedJob(IJobSource Source, string JobId, string ClientId, string? ClientToken, JobData? Data)
{
    /// <summary>Names the job only: the client token and the data hold secrets.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"ClaimedJob {{ JobId = {JobId} }}";
}
