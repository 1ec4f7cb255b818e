using System.Globalization;

namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Counters of one job worker, for health checks, metrics exporters and tests. Registered as a
/// keyed singleton under the worker's name:
/// <c>provider.GetRequiredKeyedService&lt;ThirdPartyJobWorkerStatistics&gt;("name")</c>.
/// Thread-safe; values only grow, except <see cref="InFlight"/>.
/// </summary>
public sealed class ThirdPartyJobWorkerStatistics
{
    private long _polls;
    private long _emptyPolls;
    private long _throttledPolls;
    private long _failedPolls;
    private long _jobsReceived;
    private long _jobsStarted;
    private long _jobsSucceeded;
    private long _jobsContinued;
    private long _jobsFailed;
    private long _handlerExceptions;
    private long _jobsTimedOut;
    private long _jobsCancelledForShutdown;
    private long _jobsSkippedInvalidNonce;
    private long _jobsSkippedNotInProgress;
    private long _jobsSkippedUnknownClient;
    private long _claimFailures;
    private long _reportRetries;
    private long _reportsAlreadyRecorded;
    private long _reportsRejected;
    private long _reportFailures;
    private long _inFlight;
    private long _maxInFlightObserved;

    internal ThirdPartyJobWorkerStatistics(string workerName)
    {
        WorkerName = workerName;
    }

    /// <summary>The worker's name.</summary>
    public string WorkerName { get; }

    /// <summary>Polls sent (whatever their result).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Polls that returned no job.</summary>
    public long EmptyPolls => Interlocked.Read(ref _emptyPolls);

    /// <summary>Polls that were still throttled after the client's retries.</summary>
    public long ThrottledPolls => Interlocked.Read(ref _throttledPolls);

    /// <summary>Polls that failed for any other reason.</summary>
    public long FailedPolls => Interlocked.Read(ref _failedPolls);

    /// <summary>Jobs handed to this worker by polls.</summary>
    public long JobsReceived => Interlocked.Read(ref _jobsReceived);

    /// <summary>Jobs claimed (acknowledged, in progress) whose handler was started.</summary>
    public long JobsStarted => Interlocked.Read(ref _jobsStarted);

    /// <summary>Jobs reported as succeeded.</summary>
    public long JobsSucceeded => Interlocked.Read(ref _jobsSucceeded);

    /// <summary>Jobs reported as succeeded with a continuation token.</summary>
    public long JobsContinued => Interlocked.Read(ref _jobsContinued);

    /// <summary>Jobs reported as failed (whatever the reason).</summary>
    public long JobsFailed => Interlocked.Read(ref _jobsFailed);

    /// <summary>Handlers that threw (or returned no outcome).</summary>
    public long HandlerExceptions => Interlocked.Read(ref _handlerExceptions);

    /// <summary>Handlers cancelled because the job's deadline came.</summary>
    public long JobsTimedOut => Interlocked.Read(ref _jobsTimedOut);

    /// <summary>Handlers cancelled because the worker shut down.</summary>
    public long JobsCancelledForShutdown => Interlocked.Read(ref _jobsCancelledForShutdown);

    /// <summary>Jobs skipped because another worker had acknowledged them (invalid nonce).</summary>
    public long JobsSkippedInvalidNonce => Interlocked.Read(ref _jobsSkippedInvalidNonce);

    /// <summary>Jobs skipped because acknowledging them did not return <c>InProgress</c>.</summary>
    public long JobsSkippedNotInProgress => Interlocked.Read(ref _jobsSkippedNotInProgress);

    /// <summary>Jobs skipped because no client token was found for their client id.</summary>
    public long JobsSkippedUnknownClient => Interlocked.Read(ref _jobsSkippedUnknownClient);

    /// <summary>Jobs that could not be claimed (getting details or acknowledging failed).</summary>
    public long ClaimFailures => Interlocked.Read(ref _claimFailures);

    /// <summary>Report attempts that failed and were retried.</summary>
    public long ReportRetries => Interlocked.Read(ref _reportRetries);

    /// <summary>Retried reports that CodePipeline already had (an earlier attempt had arrived).</summary>
    public long ReportsAlreadyRecorded => Interlocked.Read(ref _reportsAlreadyRecorded);

    /// <summary>Reports CodePipeline refused because the job was no longer in progress (e.g. it had timed out).</summary>
    public long ReportsRejected => Interlocked.Read(ref _reportsRejected);

    /// <summary>Results the worker gave up reporting after every attempt.</summary>
    public long ReportFailures => Interlocked.Read(ref _reportFailures);

    /// <summary>Jobs received and not finished yet (claiming, running or reporting).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The highest <see cref="InFlight"/> seen.</summary>
    public long MaxInFlightObserved => Interlocked.Read(ref _maxInFlightObserved);

    /// <summary>All counters, for a log line or a health check.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{WorkerName}: polls={Polls} (empty={EmptyPolls}, throttled={ThrottledPolls}, failed={FailedPolls}), received={JobsReceived}, started={JobsStarted}, succeeded={JobsSucceeded}, continued={JobsContinued}, failed={JobsFailed}, handlerExceptions={HandlerExceptions}, timedOut={JobsTimedOut}, cancelledForShutdown={JobsCancelledForShutdown}, skipped(nonce={JobsSkippedInvalidNonce}, notInProgress={JobsSkippedNotInProgress}, unknownClient={JobsSkippedUnknownClient}), claimFailures={ClaimFailures}, reportRetries={ReportRetries}, alreadyRecorded={ReportsAlreadyRecorded}, rejected={ReportsRejected}, reportFailures={ReportFailures}, inFlight={InFlight}, maxInFlight={MaxInFlightObserved}");

    internal void OnPoll() => Interlocked.Increment(ref _polls);

    internal void OnEmptyPoll() => Interlocked.Increment(ref _emptyPolls);

    internal void OnThrottledPoll() => Interlocked.Increment(ref _throttledPolls);

    internal void OnFailedPoll() => Interlocked.Increment(ref _failedPolls);

    internal void OnJobReceived()
    {
        Interlocked.Increment(ref _jobsReceived);
        var inFlight = Interlocked.Increment(ref _inFlight);
        var max = Interlocked.Read(ref _maxInFlightObserved);
        while (inFlight > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlightObserved, inFlight, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    internal void OnJobFinished() => Interlocked.Decrement(ref _inFlight);

    internal void OnJobStarted() => Interlocked.Increment(ref _jobsStarted);

    internal void OnReported(JobOutcomeKind kind)
    {
        switch (kind)
        {
            case JobOutcomeKind.Succeeded:
                Interlocked.Increment(ref _jobsSucceeded);
                break;
            case JobOutcomeKind.ContinueLater:
                Interlocked.Increment(ref _jobsContinued);
                break;
            default:
                Interlocked.Increment(ref _jobsFailed);
                break;
        }
    }

    internal void OnHandlerException() => Interlocked.Increment(ref _handlerExceptions);

    internal void OnTimedOut() => Interlocked.Increment(ref _jobsTimedOut);

    internal void OnCancelledForShutdown() => Interlocked.Increment(ref _jobsCancelledForShutdown);

    internal void OnInvalidNonce() => Interlocked.Increment(ref _jobsSkippedInvalidNonce);

    internal void OnNotInProgress() => Interlocked.Increment(ref _jobsSkippedNotInProgress);

    internal void OnUnknownClient() => Interlocked.Increment(ref _jobsSkippedUnknownClient);

    internal void OnClaimFailure() => Interlocked.Increment(ref _claimFailures);

    internal void OnReportRetry() => Interlocked.Increment(ref _reportRetries);

    internal void OnReportAlreadyRecorded() => Interlocked.Increment(ref _reportsAlreadyRecorded);

    internal void OnReportRejected() => Interlocked.Increment(ref _reportsRejected);

    internal void OnReportFailure() => Interlocked.Increment(ref _reportFailures);
}
