namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Does the work of one third-party job. The worker resolves the handler from a fresh
/// dependency-injection scope per job, so scoped services (a DbContext, say) are safe to inject.
/// </summary>
public interface IThirdPartyJobHandler
{
    /// <summary>
    /// Runs the job and says how it went. The worker reports the outcome to CodePipeline; an
    /// exception becomes a failure report with a message that does not quote the exception.
    /// </summary>
    /// <param name="context">The job: its id, client id, details, continuation token and fresh artifact credentials.</param>
    /// <param name="cancellationToken">
    /// Cancelled shortly before CodePipeline would time the job out, or when the worker shuts down
    /// and its grace period is over. Return <see cref="JobOutcome.ContinueLater"/> then to resume
    /// in a follow-up job, or let the cancellation propagate to report a failure.
    /// </param>
    /// <returns>What to report: <see cref="JobOutcome.Succeeded"/>, <see cref="JobOutcome.ContinueLater"/> or <see cref="JobOutcome.Failed"/>.</returns>
    Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken);
}
