namespace ThirdPartyJobs;

/// <summary>
/// A custom-action job: the <see cref="JobDetails"/> of a job whose owner is <c>Custom</c>, plus the
/// account it belongs to. <c>PollForJobs</c> hands it out with its data and nonce; <c>GetJobDetails</c>
/// returns it again with fresh artifact credentials and no nonce. Every member is optional in
/// CodePipeline's API model and null when left out. Build one for tests with
/// <see cref="ThirdPartyJobsModelFactory.CustomJob"/>.
/// </summary>
public sealed record CustomJob : JobDetails
{
    internal CustomJob(string? id, JobData? data, string? nonce, string? accountId)
        : base(id, nonce, data) =>
        AccountId = accountId;

    /// <summary>The AWS account the job belongs to.</summary>
    public string? AccountId { get; }
}
