namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Durable records of the jobs one worker instance has acknowledged and not yet reported, so that
/// a job is never left to CodePipeline's timeout when the process dies. The default
/// (<c>JournalDirectory</c>) keeps them in files; register your own, keyed by the worker's name
/// (<c>services.AddKeyedSingleton&lt;IJobJournal&gt;("worker-name", …)</c>), when the disk does not
/// outlive the machine, e.g. a DynamoDB table (see the package README).
/// </summary>
/// <remarks>
/// The worker calls <see cref="RecoverAsync"/> once at start, before it polls; then
/// <see cref="WriteAsync"/> after each acknowledgement (before the handler runs) and
/// <see cref="DeleteAsync"/> once CodePipeline has the job's result. Calls for different jobs may
/// run at the same time.
/// </remarks>
public interface IJobJournal
{
    /// <summary>
    /// Takes ownership of the records no live worker instance owns (instances that died) and
    /// returns them; this instance reports them and deletes each with <see cref="DeleteAsync"/>.
    /// A record that cannot be read is logged and skipped, never thrown.
    /// </summary>
    /// <param name="cancellationToken">Cancels the scan (the host stops).</param>
    /// <returns>The records to report.</returns>
    Task<IReadOnlyList<JobJournalRecord>> RecoverAsync(CancellationToken cancellationToken);

    /// <summary>Records a job durably before returning (an acknowledged job whose handler is about to run).</summary>
    /// <param name="record">The job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task WriteAsync(JobJournalRecord record, CancellationToken cancellationToken);

    /// <summary>Removes a job's record (its result is with CodePipeline); removing a missing record is not an error.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes once the record is gone.</returns>
    Task DeleteAsync(string jobId, CancellationToken cancellationToken);
}
