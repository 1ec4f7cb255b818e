using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Retry;
using ThirdPartyJobs.Hosting.Diagnostics;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>How a report ended.</summary>
internal enum ReportResult
{
    /// <summary>CodePipeline accepted it.</summary>
    Reported,

    /// <summary>A retry found the result of an earlier attempt already there.</summary>
    AlreadyRecorded,

    /// <summary>CodePipeline refused it: the job is no longer in progress (timed out, reported elsewhere, gone).</summary>
    Rejected,

    /// <summary>Every attempt failed; the job is left to CodePipeline's timeout (or the next start's recovery).</summary>
    Failed,
}

/// <summary>
/// Reports outcomes: retries transient failures through a Polly pipeline (<c>MaxReportAttempts</c>,
/// waits from <c>ReportRetryDelay</c> doubling with jitter up to 1 min), replaces an outcome the
/// client refuses by a failure, and reads <see cref="InvalidJobStateException"/> on a retry as
/// "already reported". Never throws.
/// </summary>
internal sealed class JobReporter
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly ResiliencePropertyKey<Attempts> AttemptsKey = new("thirdpartyjobs.report.attempts");

    private readonly WorkerDiagnostics _diagnostics;
    private readonly TimeProvider _time;
    private readonly CancellationToken _disposal;
    private readonly ResiliencePipeline _pipeline;

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter for backoff, not security.")]
    public JobReporter(ThirdPartyJobWorkerOptions options, WorkerDiagnostics diagnostics, TimeProvider time, CancellationToken disposal)
    {
        _diagnostics = diagnostics;
        _time = time;
        _disposal = disposal;
        _pipeline = options.MaxReportAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxReportAttempts - 1,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } error && IsTransient(error)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay.Compute(options.ReportRetryDelay, MaxRetryDelay, args.AttemptNumber + 1, Random.Shared.NextDouble())),
                    OnRetry = args =>
                    {
                        var attempts = args.Context.Properties.GetValue(AttemptsKey, null!);
                        _diagnostics.ReportRetrying(attempts.JobId, attempts.Kind, args.AttemptNumber + 1, args.Outcome.Exception!, args.RetryDelay);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <param name="claim">The job.</param>
    /// <param name="outcome">What to report.</param>
    /// <param name="pipeline">Where the job runs, for the log (null when unknown).</param>
    /// <param name="receivedAt">When the job was received (a timestamp of the worker's clock).</param>
    /// <param name="job">The job's diagnostics.</param>
    public async Task<ReportResult> ReportAsync(ClaimedJob claim, JobOutcome outcome, PipelineContext? pipeline, long receivedAt, JobTelemetry job)
    {
        var attempts = new Attempts(claim.JobId, outcome.Kind);
        var fellBack = false;
        while (true)
        {
            try
            {
                await SendAsync(claim, outcome, attempts).ConfigureAwait(false);
                _diagnostics.Reported(claim.JobId, outcome, pipeline, _time.GetElapsedTime(receivedAt), job);
                return ReportResult.Reported;
            }
            catch (InvalidJobStateException error)
            {
                // An earlier attempt (ours, or one of the client's own retries) may have arrived.
                if (attempts.Count > 1 || error.Attempts > 1)
                {
                    _diagnostics.ReportAlreadyRecorded(claim.JobId, outcome.Kind);
                    _diagnostics.Reported(claim.JobId, outcome, pipeline, _time.GetElapsedTime(receivedAt), job);
                    return ReportResult.AlreadyRecorded;
                }

                _diagnostics.ReportRejected(claim.JobId, outcome.Kind, error, job);
                return ReportResult.Rejected;
            }
            catch (ArgumentException error) when (!fellBack)
            {
                // The handler's outcome breaks a limit the client checks: report that instead.
                _diagnostics.InvalidOutcome(claim.JobId, outcome.Kind, error.ParamName, job);
                outcome = JobOutcome.Failed(FailureType.JobFailed, "The job handler returned a result CodePipeline does not accept.");
                attempts = new Attempts(claim.JobId, outcome.Kind);
                fellBack = true;
            }
            catch (Exception error)
            {
                var cause = error is OperationCanceledException && attempts.LastError is { } last ? last : error;
                _diagnostics.ReportGaveUp(claim.JobId, outcome.Kind, Math.Max(attempts.Count, 1), cause, job);

                // A job CodePipeline no longer knows cannot be reported by anyone: settled.
                return cause is JobNotFoundException ? ReportResult.Rejected : ReportResult.Failed;
            }
        }
    }

    private async Task SendAsync(ClaimedJob claim, JobOutcome outcome, Attempts attempts)
    {
        var context = ResilienceContextPool.Shared.Get(_disposal);
        context.Properties.Set(AttemptsKey, attempts);
        try
        {
            await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    state.Attempts.Count++;
                    try
                    {
                        await state.Claim.Source.ReportAsync(state.Claim, state.Outcome, ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception error)
                    {
                        state.Attempts.LastError = error;
                        throw;
                    }
                },
                context,
                (Claim: claim, Outcome: outcome, Attempts: attempts)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Exception error) =>
        error is not (OperationCanceledException or InvalidJobStateException or ArgumentException or JobNotFoundException
            or InvalidClientTokenException or InvalidJobException or ServiceValidationException);

    private sealed class Attempts(string jobId, JobOutcomeKind kind)
    {
        public string JobId { get; } = jobId;

        public JobOutcomeKind Kind { get; } = kind;

        public int Count { get; set; }

        public Exception? LastError { get; set; }
    }
}
