using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>
/// Presents the worker's <see cref="JobContext"/> as an <see cref="IRunningJob"/>. Needed only until the Hosting
/// package's <c>JobContext</c> implements <see cref="IRunningJob"/> itself; then pass the context directly and delete this.
/// </summary>
public sealed class JobContextRunningJob(JobContext context) : IRunningJob
{
    public string JobId => context.JobId;

    public JobData Data => context.Data;

    public Task<SessionCredentials> GetArtifactCredentialsAsync(CancellationToken cancellationToken = default) => context.GetArtifactCredentialsAsync(cancellationToken);
}
