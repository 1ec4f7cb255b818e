using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// Where a worker's jobs come from and where their results go: the one place that knows which
/// CodePipeline API serves the action type. Third-party actions (<see cref="ThirdPartyJobSource"/>)
/// need a client token per job and fetch the job's data with <c>GetThirdPartyJobDetails</c>;
/// custom actions (<see cref="CustomJobSource"/>, <c>ActionTypeId.Owner</c> <c>Custom</c>:
/// <c>PollForJobs</c>, <c>AcknowledgeJob</c>, <c>GetJobDetails</c>, <c>PutJob…Result</c>, no client
/// token, data with the poll) are the second implementation, chosen by the owner when the worker is created.
/// </summary>
internal interface IJobSource
{
    /// <summary>The kind of job (the action type's owner), recorded in the journal.</summary>
    string Kind { get; }

    /// <summary>Whether the jobs are a custom action's: their <see cref="ClaimedJob.ClientId"/> is then the account id.</summary>
    bool IsCustom { get; }

    /// <summary>Asks for at most <paramref name="maxJobs"/> jobs.</summary>
    Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a polled job: everything needed to own it (credentials to act for it, its data,
    /// the acknowledgement). Null when the job is not this worker's to run; the reason has been
    /// recorded on <paramref name="job"/> then.
    /// </summary>
    /// <param name="polled">The job as the poll handed it out.</param>
    /// <param name="job">The job's diagnostics.</param>
    /// <param name="beforeAcknowledge">Runs once the job's data is known, right before the acknowledgement (the journal's write).</param>
    /// <param name="cancellationToken">Cancels the lookups before the acknowledgement (shutdown).</param>
    Task<ClaimedJob?> ClaimAsync(PolledJob polled, JobTelemetry job, Func<JobData, Task> beforeAcknowledge, CancellationToken cancellationToken);

    /// <summary>Takes back a job a journal recorded (after a crash), to report it: null when its client is unknown now.</summary>
    Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken);

    /// <summary>Fetches the job's data again, with fresh artifact credentials.</summary>
    Task<JobData> RenewAsync(ClaimedJob job, CancellationToken cancellationToken);

    /// <summary>Sends one report attempt.</summary>
    Task ReportAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken);
}
