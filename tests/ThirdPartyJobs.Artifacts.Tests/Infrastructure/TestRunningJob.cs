namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>
/// A running job for tests: the job's data, with artifact credentials from <paramref name="source"/>
/// (e.g. one that hands out fresh credentials on each call, to exercise renewal).
/// </summary>
public sealed class TestRunningJob(JobDetails job, Func<CancellationToken, ValueTask<SessionCredentials>> source) : IRunningJob
{
    public string JobId => job.Id!;

    public JobData Data => job.Data!;

    public Task<SessionCredentials> GetArtifactCredentialsAsync(CancellationToken cancellationToken = default) => source(cancellationToken).AsTask();
}
