namespace ThirdPartyJobs;

/// <summary>
/// A custom-action job as <c>PollForJobs</c> hands it out: its data comes with the poll. Every member
/// is optional in CodePipeline's API model and null when left out. Build one for tests with
/// <see cref="ThirdPartyJobsModelFactory.CustomJob"/>.
/// </summary>
public sealed record CustomJob
{
    internal CustomJob(string? id, JobData? data, string? nonce, string? accountId)
    {
        Id = id;
        Data = data;
        Nonce = nonce;
        AccountId = accountId;
    }

    /// <summary>The job's id.</summary>
    public string? Id { get; }

    /// <summary>The job's data (the same shape as a third-party job's).</summary>
    public JobData? Data { get; }

    /// <summary>The nonce to acknowledge the job with.</summary>
    public string? Nonce { get; }

    /// <summary>The AWS account the job belongs to.</summary>
    public string? AccountId { get; }
}
