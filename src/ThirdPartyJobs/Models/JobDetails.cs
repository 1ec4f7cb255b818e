namespace ThirdPartyJobs;

/// <summary>
/// A job's details: a third-party job as returned by <c>GetThirdPartyJobDetails</c> (a custom-action
/// job is a <see cref="CustomJob"/>, which adds its account). Every member is optional in
/// CodePipeline's API model and is null when the service leaves it out: check <see cref="Nonce"/>
/// before acknowledging and <see cref="Data"/> before working (the hosted worker reports such a job
/// as failed, with a log line). Build one for tests with <see cref="ThirdPartyJobsModelFactory.JobDetails"/>.
/// </summary>
public record JobDetails
{
    internal JobDetails(string? id, string? nonce, JobData? data) =>
        (Id, Nonce, Data) = (id, nonce, data);

    /// <summary>The job's id; null when the service sent none.</summary>
    public string? Id { get; }

    /// <summary>The nonce to acknowledge the job with, exactly as sent (also when blank); a different nonce means another worker owns the job. Null when the service sent none (<c>GetJobDetails</c> never sends one).</summary>
    public string? Nonce { get; }

    /// <summary>The job's data; null when the service sent none.</summary>
    public JobData? Data { get; }
}
