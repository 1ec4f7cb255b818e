namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>A job as a poll handed it out, before it is claimed.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="ClientId">The partner's customer (third-party jobs); the account id for custom ones.</param>
internal sealed record PolledJob(string JobId, string ClientId);
