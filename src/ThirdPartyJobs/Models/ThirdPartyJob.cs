namespace ThirdPartyJobs;

/// <summary>A job handed out by <c>PollForThirdPartyJobs</c>. Both members are optional in CodePipeline's API model and null when left out. Build one for tests with <see cref="ThirdPartyJobsModelFactory.ThirdPartyJob"/>.</summary>
public sealed record ThirdPartyJob
{
    internal ThirdPartyJob(string? clientId, string? jobId) =>
        (ClientId, JobId) = (clientId, jobId);

    /// <summary>Identifies which of the partner's customers the job belongs to; look up its client token with it. Null when the service sent none.</summary>
    public string? ClientId { get; }

    /// <summary>The job's id; null when the service sent none.</summary>
    public string? JobId { get; }
}
