namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// A job this worker owns (acknowledged, in progress). The client token stays here and in the
/// source: this type has no <c>ToString</c> override, so it prints as its type name only.
/// </summary>
internal sealed class ClaimedJob
{
    public ClaimedJob(string jobId, string clientId, string? clientToken, JobData? data)
    {
        JobId = jobId;
        ClientId = clientId;
        ClientToken = clientToken;
        Data = data;
    }

    public string JobId { get; }

    /// <summary>The third-party job's client id, or the custom job's account id.</summary>
    public string ClientId { get; }

    /// <summary>The token that acts for the job (third-party jobs); null for custom jobs.</summary>
    public string? ClientToken { get; }

    /// <summary>The job's data as claimed; null for a job resumed from the journal (only reported).</summary>
    public JobData? Data { get; }
}
