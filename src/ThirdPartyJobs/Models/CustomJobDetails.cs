namespace ThirdPartyJobs;

/// <summary>
/// A custom-action job as <c>GetJobDetails</c> returns it (fetched again to renew artifact
/// credentials on long jobs). Every member is null when CodePipeline leaves it out. Build one for
/// tests with <see cref="ThirdPartyJobsModelFactory.CustomJobDetails"/>.
/// </summary>
public sealed record CustomJobDetails
{
    internal CustomJobDetails(string? id, JobData? data, string? accountId)
    {
        Id = id;
        Data = data;
        AccountId = accountId;
    }

    /// <summary>The job's id.</summary>
    public string? Id { get; }

    /// <summary>The job's data, with fresh artifact credentials.</summary>
    public JobData? Data { get; }

    /// <summary>The AWS account the job belongs to.</summary>
    public string? AccountId { get; }
}
