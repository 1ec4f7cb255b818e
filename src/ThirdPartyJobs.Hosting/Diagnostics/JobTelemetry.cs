using System.Diagnostics;
using static ThirdPartyJobs.Hosting.Diagnostics.WorkerTelemetry;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// One job's span and metrics, from the poll that handed it out to the end of its report.
/// </summary>
/// <remarks>
/// The span's kind is <see cref="ActivityKind.Consumer"/>: a job is work a poll hands out, as a
/// queue hands out a message, and the span covers its processing. It is a root: each job is its
/// own trace, whatever was current in the poll loop. It is started in the job's own flow and is
/// <see cref="Activity.Current"/> there, so the client's calls for the job (details, acknowledge,
/// credential refreshes, report) and the handler's own spans are its children, while the poll
/// loop's context is never touched and polls never are.
/// Errors are recorded as type names and service error codes only: an exception's message may
/// quote a secret, so there are no exception events. Listeners run inline: an exception one of
/// them throws is swallowed here, since it must cost neither the job nor a concurrency slot.
/// </remarks>
internal sealed class JobTelemetry
{
    private readonly WorkerMetrics _metrics;
    private readonly DateTimeOffset _receivedAt = DateTimeOffset.UtcNow;
    private string _outcome = JobOutcomes.Error;
    private string? _errorType;
    private string? _skipReason;

    private JobTelemetry(WorkerMetrics metrics)
    {
        _metrics = metrics;
    }

    /// <summary>The job's span, once started; null when nobody listens.</summary>
    public Activity? Activity { get; private set; }

    /// <summary>Counts a job a poll handed out as in flight (in the poll loop).</summary>
    public static JobTelemetry Received(WorkerMetrics metrics)
    {
        var telemetry = new JobTelemetry(metrics);
        metrics.Move(metrics.JobsInFlight, 1);
        return telemetry;
    }

    /// <summary>The outcome so far (see <see cref="JobOutcomes"/>).</summary>
    public string Outcome => _outcome;

    /// <summary>
    /// Starts the job's span as of when the job was received, and makes it <see cref="Activity.Current"/>.
    /// Call it in the job's own flow (never the poll loop's): that flow's current span is replaced.
    /// </summary>
    /// <param name="actionType">The worker's action type.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="owner">A third-party job's client id (<c>codepipeline.client.id</c>), or a custom job's account id (<c>codepipeline.account.id</c>).</param>
    /// <param name="isCustom">Whether the job is a custom action's.</param>
    public void Start(ActionTypeId actionType, string jobId, string? owner, bool isCustom)
    {
        // A default parent context means "Activity.Current": clear it, so that the job starts a trace.
        Activity.Current = null;
        try
        {
            // Tags given at start are visible to samplers.
            Activity = HostingTelemetry.ActivitySource.StartActivity(
                "CodePipeline job " + actionType.Provider,
                ActivityKind.Consumer,
                parentContext: default,
                tags:
                [
                    new(JobId, jobId),
                    new(isCustom ? AccountId : ClientId, owner),
                    new(ActionTypeOwner, actionType.Owner?.Value),
                    new(WorkerName, (string?)_metrics.Worker.Value),
                    new(ActionTypeCategory, actionType.Category?.Value),
                    new(ActionTypeProvider, actionType.Provider),
                    new(ActionTypeVersion, actionType.Version),
                ],
                startTime: _receivedAt);
        }
        catch (Exception)
        {
            // A listener's bug (see remarks): run the job without a span.
            Activity.Current = null;
        }
    }

    /// <summary>Adds where the job runs, once its data is known.</summary>
    public void DataReceived(JobData data)
    {
        if (Activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var pipeline = data.PipelineContext;
        activity.SetTag(PipelineName, pipeline?.PipelineName);
        activity.SetTag(StageName, pipeline?.StageName);
        activity.SetTag(ActionName, pipeline?.ActionName);
        activity.SetTag(ActionExecutionId, pipeline?.ActionExecutionId);
        activity.SetTag(IsContinuation, data.ContinuationToken is not null);
    }

    public void Skipped(string reason)
    {
        _outcome = JobOutcomes.Skipped;
        _skipReason = reason;
    }

    public void UnknownClient(Exception? lookupError = null)
    {
        _outcome = lookupError is null ? JobOutcomes.UnknownClient : JobOutcomes.TokenProviderFailed;
        _errorType = lookupError?.GetType().Name;
    }

    public void ClaimFailed(Exception error)
    {
        _outcome = JobOutcomes.ClaimFailed;
        _errorType = ErrorTypeOf(error);
    }

    /// <summary>The handler's run ended in a failure (the outcome follows with the report).</summary>
    /// <param name="errorType">An exception's type name, <c>timeout</c>, <c>shutdown</c>, <c>no_outcome</c> or <c>invalid_outcome</c>.</param>
    public void HandlerFailed(string errorType) => _errorType = errorType;

    public void Reported(JobOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case JobOutcomeKind.Succeeded:
                _outcome = JobOutcomes.Succeeded;
                _errorType = null;
                break;
            case JobOutcomeKind.ContinueLater:
                _outcome = JobOutcomes.Continued;
                _errorType = null;
                break;
            default:
                _outcome = JobOutcomes.Failed;
                _errorType ??= outcome.Failure?.Type.Value;
                break;
        }
    }

    public void ReportRejected(Exception error)
    {
        _outcome = JobOutcomes.ReportRejected;
        _errorType = ErrorTypeOf(error);
    }

    public void ReportFailed(Exception error)
    {
        _outcome = JobOutcomes.ReportFailed;
        _errorType = ErrorTypeOf(error);
    }

    public void Recovered(JobOutcome outcome)
    {
        Reported(outcome);
        _outcome = JobOutcomes.Recovered;
    }

    public void Unexpected(Exception error)
    {
        _outcome = JobOutcomes.Error;
        _errorType = error.GetType().Name;
    }

    /// <summary>Ends the span and records the job's metrics.</summary>
    /// <param name="elapsed">Since the poll that handed the job out.</param>
    public void Finish(TimeSpan elapsed)
    {
        var isError = _outcome is not (JobOutcomes.Succeeded or JobOutcomes.Continued or JobOutcomes.Skipped);
        try
        {
            EndSpan(isError);
            var outcome = new KeyValuePair<string, object?>(WorkerTelemetry.Outcome, _outcome);
            _metrics.Jobs.Add(1, _metrics.Worker, outcome, new KeyValuePair<string, object?>(SkipReason, _skipReason));
            _metrics.JobDuration.Record(elapsed.TotalSeconds, _metrics.Worker, outcome);
            _metrics.JobsInFlight.Add(-1, _metrics.Worker);
        }
        catch (Exception)
        {
            // A listener's bug (see remarks).
        }
    }

    private void EndSpan(bool isError)
    {
        if (Activity is not { } activity)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(WorkerTelemetry.Outcome, _outcome);
            activity.SetTag(SkipReason, _skipReason);
            if (isError)
            {
                activity.SetTag(ErrorType, _errorType ?? _outcome);
            }
        }

        if (isError)
        {
            activity.SetStatus(ActivityStatusCode.Error, _errorType ?? _outcome);
        }

        activity.Stop();
    }

    // The same rule as the client's spans: the service's error code, else the exception's type name.
    private static string ErrorTypeOf(Exception error) =>
        error is ThirdPartyJobException { ErrorCode: { } code } ? code : error.GetType().Name;
}
