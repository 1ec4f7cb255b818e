using Microsoft.Extensions.Logging;
using static ThirdPartyJobs.Hosting.Diagnostics.WorkerTelemetry;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// Every event of one worker, one method each: each writes the log entry, the metric and the
/// job's span together, in that order (so whoever watches a metric finds the entry).
/// Exceptions are attached to log entries only when they are this library's own
/// (<see cref="ThirdPartyJobException"/>, whose messages never carry secrets); for anything else
/// only the type is logged, except a handler's failure (<see cref="HandlerFailed"/>).
/// </summary>
internal sealed partial class WorkerDiagnostics
{
    private readonly ILogger _logger;
    private readonly string _worker;

    public WorkerDiagnostics(string worker, ILogger logger, WorkerMetrics metrics)
    {
        _worker = worker;
        _logger = logger;
        Metrics = metrics;
    }

    public WorkerMetrics Metrics { get; }

    public void Starting(ActionTypeId actionType, int maxConcurrency) =>
        WorkerLog.Starting(_logger, _worker, actionType.Category?.Value ?? string.Empty, actionType.Owner?.Value ?? string.Empty, actionType.Provider ?? string.Empty, actionType.Version ?? string.Empty, maxConcurrency);

    public void Stopping(int inFlight, TimeSpan gracePeriod) => WorkerLog.Stopping(_logger, _worker, inFlight, gracePeriod.TotalSeconds);

    public void GracePeriodOver(int count) => WorkerLog.GracePeriodOver(_logger, _worker, count);

    public void Stopped() => WorkerLog.Stopped(_logger, _worker);

    public void Polled(int requested, int received)
    {
        WorkerLog.Polled(_logger, _worker, requested, received);
        if (received > 0)
        {
            Metrics.Add(Metrics.Polls, PollResult, PollResults.Jobs);
        }
    }

    public void PollEmpty(TimeSpan delay)
    {
        WorkerLog.PollEmpty(_logger, _worker, delay.TotalMilliseconds);
        Metrics.Add(Metrics.Polls, PollResult, PollResults.Empty);
    }

    public void PollFailed(Exception error, TimeSpan delay)
    {
        if (error is ThrottledException)
        {
            WorkerLog.PollThrottled(_logger, _worker, delay.TotalMilliseconds);
            Metrics.Add(Metrics.Polls, PollResult, PollResults.Throttled);
            return;
        }

        // The client's exceptions are expected (an outage, bad credentials) and their messages carry no secret:
        // the line says what happened, without a stack trace. Anything else is a bug worth its stack trace.
        var ours = error as ThirdPartyJobException;
        var reason = ours?.ErrorCode ?? error.InnerException?.GetType().Name ?? "no error code";
        var message = ours is null ? "unexpected failure" : ours.ServiceMessage ?? ours.Message;
        WorkerLog.PollFailed(_logger, _worker, error.GetType().Name, reason, message, delay.TotalMilliseconds, ours is null ? error : null);
        Metrics.Add(Metrics.Polls, PollResult, PollResults.Failed);
    }

    public void ExtraJobsNotClaimed(int count, int requested) => WorkerLog.ExtraJobsNotClaimed(_logger, _worker, count, requested);

    public void LoopFailed(Exception error, TimeSpan delay)
    {
        var errorType = error.GetType();
        WorkerLog.LoopFailed(_logger, _worker, errorType, delay.TotalMilliseconds, error as ThirdPartyJobException);
    }

    public JobTelemetry JobReceived() => JobTelemetry.Received(Metrics);

    public void NotClaimedStopping(string jobId, JobTelemetry job)
    {
        WorkerLog.NotClaimedStopping(_logger, jobId);
        job.Skipped(SkipReasons.Shutdown);
    }

    public void UnknownClient(string jobId, string clientId, JobTelemetry job)
    {
        WorkerLog.UnknownClient(_logger, jobId, clientId);
        job.UnknownClient();
    }

    public void TokenProviderFailed(string jobId, string clientId, Exception error, JobTelemetry job)
    {
        // The provider is the partner's code: its exception message is not ours to log.
        WorkerLog.ClientTokenLookupFailed(_logger, jobId, clientId, error.GetType());
        job.UnknownClient(error);
    }

    public void ClaimFailed(string jobId, string operation, Exception error, JobTelemetry job)
    {
        WorkerLog.ClaimFailed(_logger, jobId, operation, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
        job.ClaimFailed(error);
    }

    public void IncompleteJob(string jobId, string operation, string member, JobTelemetry job)
    {
        WorkerLog.IncompleteJob(_logger, string.IsNullOrEmpty(jobId) ? "(no id)" : jobId, operation, member);
        job.Skipped(SkipReasons.Incomplete);
    }

    public void TakenByAnotherWorker(string jobId, JobTelemetry job)
    {
        WorkerLog.TakenByAnotherWorker(_logger, jobId);
        job.Skipped(SkipReasons.InvalidNonce);
    }

    public void AlreadyRunning(string jobId, JobTelemetry job)
    {
        WorkerLog.AlreadyRunning(_logger, jobId);
        job.Skipped(SkipReasons.AlreadyRunning);
    }

    public void NotInProgress(string jobId, JobStatus? status, JobTelemetry job)
    {
        WorkerLog.NotInProgress(_logger, jobId, status?.Value ?? "(none)");
        job.Skipped(SkipReasons.NotInProgress);
    }

    public void JobStarted(JobContext context)
    {
        var pipeline = context.Data.PipelineContext;
        WorkerLog.JobStarted(_logger, context.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, context.ContinuationToken is not null);
        Metrics.Add(Metrics.HandlerStarts);
    }

    public void Unexpected(string jobId, Exception error, JobTelemetry? job)
    {
        var ours = error as ThirdPartyJobException;
        var errorType = error.GetType();
        WorkerLog.Unexpected(_logger, jobId, errorType, ours);
        job?.Unexpected(error);
    }

    public void ScopeDisposeFailed(string jobId, Exception error) => WorkerLog.ScopeDisposeFailed(_logger, jobId, error.GetType());

    /// <summary>Ends the job's span and records its metrics; the job leaves the in-flight count.</summary>
    public static void JobFinished(JobTelemetry job, TimeSpan elapsed) => job.Finish(elapsed);
}
