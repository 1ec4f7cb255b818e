namespace ThirdPartyJobs;

/// <summary>A job handed out by <c>PollForThirdPartyJobs</c>.</summary>
/// <param name="ClientId">Identifies which of the partner's customers the job belongs to; look up its client token with it.</param>
/// <param name="JobId">The job's id.</param>
public sealed record ThirdPartyJob(string ClientId, string JobId);
