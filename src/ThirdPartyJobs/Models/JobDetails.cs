namespace ThirdPartyJobs;

/// <summary>A third-party job as returned by <c>GetThirdPartyJobDetails</c>.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Nonce">The nonce to acknowledge the job with; a different nonce means another worker owns the job.</param>
/// <param name="Data">The job's data.</param>
public sealed record JobDetails(string Id, string Nonce, JobData Data);
