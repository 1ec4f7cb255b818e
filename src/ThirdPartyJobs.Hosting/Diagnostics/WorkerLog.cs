using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// The worker's log messages, with stable event ids (2000–2099). Parameters are worker names,
/// job and client ids, pipeline/stage/action names, outcomes, counts, durations and error codes:
/// never a client token, credential, nonce, continuation token or configuration value.
/// Exceptions are attached only when their messages are known to be safe (this library's own).
/// </summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job worker {Worker} starting for action type {Category}/{Owner}/{Provider}/{Version} with up to {MaxConcurrency} concurrent jobs")]
    public static partial void Starting(ILogger logger, string worker, string category, string owner, string provider, string version, int maxConcurrency);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Job worker {Worker} stopping: polling stopped, {InFlight} job(s) in flight get a grace period of {GracePeriodSeconds} s")]
    public static partial void Stopping(ILogger logger, string worker, int inFlight, double gracePeriodSeconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Job worker {Worker}: {Count} job(s) still running after the grace period; cancelling them and reporting their results")]
    public static partial void GracePeriodOver(ILogger logger, string worker, int count);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Job worker {Worker} stopped")]
    public static partial void Stopped(ILogger logger, string worker);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Job worker {Worker} polled for {Requested} job(s) and received {Received}")]
    public static partial void Polled(ILogger logger, string worker, int requested, int received);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Trace, Message = "Job worker {Worker} found no job; next poll in {DelayMilliseconds:0} ms")]
    public static partial void PollEmpty(ILogger logger, string worker, double delayMilliseconds);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Job worker {Worker} is throttled polling; next poll in {DelayMilliseconds:0} ms")]
    public static partial void PollThrottled(ILogger logger, string worker, double delayMilliseconds);

    // One line per failed poll; the stack trace only for a failure that is not one of the client's own (a bug).
    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Job worker {Worker} failed to poll ({ErrorType}, {Reason}): {ErrorMessage}; next poll in {DelayMilliseconds:0} ms")]
    public static partial void PollFailed(ILogger logger, string worker, string errorType, string reason, string errorMessage, double delayMilliseconds, Exception? exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Job worker {Worker} received {Count} job(s) beyond the {Requested} it asked for while stopping; they were not claimed and CodePipeline will hand them out again")]
    public static partial void ExtraJobsNotClaimed(ILogger logger, string worker, int count, int requested);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Job {JobId} skipped: no client token for client {ClientId}")]
    public static partial void UnknownClient(ILogger logger, string jobId, string clientId);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error, Message = "Job {JobId} skipped: the client token provider failed with {ErrorType} for client {ClientId}")]
    public static partial void ClientTokenLookupFailed(ILogger logger, string jobId, string clientId, Type errorType);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Debug, Message = "Job {JobId} skipped: another worker acknowledged it")]
    public static partial void TakenByAnotherWorker(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "Job {JobId} skipped: acknowledging it returned status {Status}, not InProgress")]
    public static partial void NotInProgress(ILogger logger, string jobId, string status);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Warning, Message = "Job {JobId} could not be claimed: {Operation} failed ({ErrorType}, {ErrorCode})")]
    public static partial void ClaimFailed(ILogger logger, string jobId, string operation, Type errorType, string? errorCode, Exception? exception);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Debug, Message = "Job {JobId} not claimed: the worker is stopping")]
    public static partial void NotClaimedStopping(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Debug, Message = "Job {JobId} skipped: this worker is claiming or running it already (CodePipeline handed it out again)")]
    public static partial void AlreadyRunning(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2027, Level = LogLevel.Warning, Message = "Job {JobId} skipped: CodePipeline's answer to {Operation} has no {Member}; the job is left to CodePipeline, which hands it out again or times it out")]
    public static partial void IncompleteJob(ILogger logger, string jobId, string operation, string member);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Job {JobId} started (pipeline {Pipeline}, stage {Stage}, action {Action}, continuation {IsContinuation})")]
    public static partial void JobStarted(ILogger logger, string jobId, string? pipeline, string? stage, string? action, bool isContinuation);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "Job {JobId} reported {Outcome} (pipeline {Pipeline}, stage {Stage}, action {Action}) after {DurationMilliseconds:0} ms")]
    public static partial void JobCompleted(ILogger logger, string jobId, JobOutcomeKind outcome, string? pipeline, string? stage, string? action, double durationMilliseconds);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Error, Message = "Job {JobId} handler failed with {ErrorType}: {ErrorMessage} (pipeline {Pipeline}, stage {Stage}, action {Action}); reporting a failure. Stack trace: {StackTrace}")]
    public static partial void HandlerFailed(ILogger logger, string jobId, Type errorType, string errorMessage, string? pipeline, string? stage, string? action, string? stackTrace);

    [LoggerMessage(EventId = 2033, Level = LogLevel.Error, Message = "Job {JobId} handler failed (pipeline {Pipeline}, stage {Stage}, action {Action}); reporting a failure")]
    public static partial void HandlerFailedWithException(ILogger logger, string jobId, string? pipeline, string? stage, string? action, Exception exception);

    [LoggerMessage(EventId = 2034, Level = LogLevel.Warning, Message = "Job {JobId} reached its deadline after {BudgetSeconds} s (pipeline {Pipeline}, stage {Stage}, action {Action}); its handler was cancelled")]
    public static partial void DeadlineReached(ILogger logger, string jobId, double budgetSeconds, string? pipeline, string? stage, string? action);

    [LoggerMessage(EventId = 2035, Level = LogLevel.Warning, Message = "Job {JobId} cancelled because the worker is shutting down (pipeline {Pipeline}, stage {Stage}, action {Action})")]
    public static partial void CancelledForShutdown(ILogger logger, string jobId, string? pipeline, string? stage, string? action);

    [LoggerMessage(EventId = 2036, Level = LogLevel.Error, Message = "Job {JobId}: CodePipeline refused the handler's {Outcome} result ({ParameterName}); reporting a failure instead")]
    public static partial void InvalidOutcome(ILogger logger, string jobId, JobOutcomeKind outcome, string? parameterName);

    [LoggerMessage(EventId = 2037, Level = LogLevel.Warning, Message = "Job {JobId}: disposing the handler's scope failed with {ErrorType}")]
    public static partial void ScopeDisposeFailed(ILogger logger, string jobId, Type errorType);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "Job {JobId}: reporting {Outcome} failed on attempt {Attempt} ({ErrorType}, {ErrorCode}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void ReportRetrying(ILogger logger, string jobId, JobOutcomeKind outcome, int attempt, Type errorType, string? errorCode, double delayMilliseconds);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Debug, Message = "Job {JobId}: CodePipeline already had the {Outcome} result (an earlier attempt arrived)")]
    public static partial void ReportAlreadyRecorded(ILogger logger, string jobId, JobOutcomeKind outcome);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Error, Message = "Job {JobId}: gave up reporting {Outcome} after {Attempts} attempt(s) ({ErrorType}, {ErrorCode}); CodePipeline will time the job out")]
    public static partial void ReportGaveUp(ILogger logger, string jobId, JobOutcomeKind outcome, int attempts, Type errorType, string? errorCode, Exception? exception);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Warning, Message = "Job {JobId}: CodePipeline refused the {Outcome} result because the job is no longer in progress (timed out, or reported elsewhere)")]
    public static partial void ReportRejected(ILogger logger, string jobId, JobOutcomeKind outcome, Exception exception);

    [LoggerMessage(EventId = 2050, Level = LogLevel.Critical, Message = "Job {JobId}: unexpected {ErrorType} in the worker")]
    public static partial void Unexpected(ILogger logger, string jobId, Type errorType, Exception? exception);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Critical, Message = "Job worker {Worker}: unexpected {ErrorType} in the polling loop; restarting it after {DelayMilliseconds:0} ms")]
    public static partial void LoopFailed(ILogger logger, string worker, Type errorType, double delayMilliseconds, Exception? exception);

    [LoggerMessage(EventId = 2060, Level = LogLevel.Warning, Message = "Job {JobId}: its handler is still running after the job was reported; {Detached} detached handler(s) running (limit {Limit})")]
    public static partial void HandlerDetached(ILogger logger, string jobId, int detached, int limit);

    [LoggerMessage(EventId = 2061, Level = LogLevel.Information, Message = "Job {JobId}: its detached handler ended late with {Result} after the job was reported; the late result is not reported")]
    public static partial void LateHandlerResult(ILogger logger, string jobId, string result);

    [LoggerMessage(EventId = 2062, Level = LogLevel.Warning, Message = "Job {JobId}: its detached handler returned {Outcome} after the worker had reported a failure; the work may have been done although CodePipeline shows a failure")]
    public static partial void LateSuccessAfterFailure(ILogger logger, string jobId, JobOutcomeKind outcome);

    [LoggerMessage(EventId = 2063, Level = LogLevel.Warning, Message = "Job worker {Worker}: {Detached} detached handler(s) still running, at the limit of {Limit}; job {JobId} keeps its slot until its handler ends")]
    public static partial void DetachedLimitReached(ILogger logger, string worker, int detached, int limit, string jobId);

    [LoggerMessage(EventId = 2070, Level = LogLevel.Error, Message = "Job {JobId}: writing its journal record failed with {ErrorType}; the job runs, but a crash now would leave it to CodePipeline's timeout")]
    public static partial void JournalWriteFailed(ILogger logger, string jobId, Type errorType);

    [LoggerMessage(EventId = 2071, Level = LogLevel.Warning, Message = "Job {JobId}: removing its journal record failed with {ErrorType}; it will be reported again (harmlessly) after a restart")]
    public static partial void JournalRemoveFailed(ILogger logger, string jobId, Type errorType);

    [LoggerMessage(EventId = 2072, Level = LogLevel.Warning, Message = "Job worker {Worker}: {Count} job(s) left in the journal by a worker that stopped without reporting them; reporting them before polling")]
    public static partial void Recovering(ILogger logger, string worker, int count);

    [LoggerMessage(EventId = 2073, Level = LogLevel.Warning, Message = "Job {JobId} (acknowledged at {AcknowledgedAt:o}) recovered from the journal and reported {Outcome}")]
    public static partial void Recovered(ILogger logger, string jobId, DateTimeOffset acknowledgedAt, JobOutcomeKind outcome);

    [LoggerMessage(EventId = 2074, Level = LogLevel.Error, Message = "Job {JobId} could not be recovered from the journal ({ErrorType}); its record stays for the next start")]
    public static partial void RecoveryFailed(ILogger logger, string jobId, Type errorType);

    [LoggerMessage(EventId = 2076, Level = LogLevel.Warning, Message = "Job {JobId} in the journal is a {Kind} job, which this worker cannot report ({Reason}); its record stays in the journal")]
    public static partial void RecoveryDeferred(ILogger logger, string jobId, string kind, string reason);

    [LoggerMessage(EventId = 2075, Level = LogLevel.Error, Message = "Job worker {Worker}: reading the journal failed with {ErrorType}; polling starts without recovery")]
    public static partial void JournalReadFailed(ILogger logger, string worker, Type errorType);

    // The file journal's own lines (2080–2089): file names and counts, never a record's content.
    [LoggerMessage(EventId = 2080, Level = LogLevel.Error, Message = "Journal record {File} cannot be read ({ErrorType}); it is skipped and kept as {File}.corrupt")]
    public static partial void CorruptRecord(ILogger logger, string file, Type errorType);

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information, Message = "Journal: took over {Count} record(s) from instance {Instance}, which is no longer running")]
    public static partial void Adopted(ILogger logger, int count, string instance);

    [LoggerMessage(EventId = 2082, Level = LogLevel.Debug, Message = "Journal: instance {Instance} is alive (its lock is held); its records are left to it")]
    public static partial void InstanceAlive(ILogger logger, string instance);
}
