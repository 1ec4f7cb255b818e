namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Decides what to report for a job a worker found in its journal after a crash (register one,
/// keyed by the worker's name or not). Without one, the worker reports
/// <see cref="JobOutcome.Failed"/> with <see cref="FailureType.JobFailed"/> and
/// "The job worker restarted while the job ran."; return <see cref="JobOutcome.ContinueLater"/>
/// to have CodePipeline hand the work out again as a follow-up job.
/// </summary>
public interface IJobRecoveryHandler
{
    /// <summary>Returns the outcome to report for <paramref name="record"/>.</summary>
    /// <param name="record">The job as recorded when it was acknowledged.</param>
    /// <param name="cancellationToken">Cancels the decision (the host stops).</param>
    /// <returns>The outcome to report.</returns>
    Task<JobOutcome> RecoverAsync(JobJournalRecord record, CancellationToken cancellationToken);
}
