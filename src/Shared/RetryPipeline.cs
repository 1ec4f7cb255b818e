using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ThirdPartyJobs;

/// <summary>
/// The one retry layer of every AWS call the library makes: an overall timeout around
/// exponential-backoff retries around a per-attempt timeout, all waiting on the given
/// <see cref="TimeProvider"/>. One pipeline per operation (built on first use, then shared), so that
/// each retry's log line names its operation without a per-call context. Each retry is one line at
/// Warning (operation, attempt, delay, error code; no stack trace: the caller gets the final
/// exception); Polly's own telemetry is off. Shared source: linked into ThirdPartyJobs and
/// ThirdPartyJobs.Artifacts, internal in each.
/// </summary>
/// <param name="identity">Names and the log event id.</param>
/// <param name="options">The validated retry settings.</param>
/// <param name="classify">Whether a failure is worth another attempt (given the caller's token), and its error code for the log.</param>
/// <param name="timeProvider">The clock for delays and timeouts.</param>
/// <param name="logger">Where retries are logged.</param>
internal sealed class RetryPipeline(RetryPipelineIdentity identity, ThirdPartyJobsRetryOptions options, IRetryClassifier classify, TimeProvider timeProvider, ILogger? logger)
{
    /// <summary>Which timeout fired last, set on the call's <see cref="ResilienceContext"/>: <see cref="OverallTimeout"/> or <see cref="AttemptTimeout"/>, so a caller names the right one without comparing TimeSpans (equal limits would be ambiguous).</summary>
    public static readonly ResiliencePropertyKey<string> TimeoutFired = new("ThirdPartyJobs.TimeoutFired");

    /// <summary>The <see cref="TimeoutFired"/> value of the timeout around all attempts.</summary>
    public const string OverallTimeout = "overall";

    /// <summary>The <see cref="TimeoutFired"/> value of the timeout around one attempt.</summary>
    public const string AttemptTimeout = "attempt";

    private static readonly Func<OnTimeoutArguments, ValueTask> MarkOverall = args => Mark(args, OverallTimeout);
    private static readonly Func<OnTimeoutArguments, ValueTask> MarkAttempt = args => Mark(args, AttemptTimeout);

    private readonly ConcurrentDictionary<string, ResiliencePipeline> _byOperation = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The pipeline for <paramref name="operation"/> (e.g. <c>GetThirdPartyJobDetails</c>), the name its retry lines show.</summary>
    public ResiliencePipeline For(string operation) =>
        _byOperation.TryGetValue(operation, out var pipeline) ? pipeline : _byOperation.GetOrAdd(operation, Build(operation)); // no delegate per call

    private ResiliencePipeline Build(string operation)
    {
        var log = identity.Log;
        var logged = identity.OperationPrefix + operation;
        var builder = new ResiliencePipelineBuilder { Name = identity.PipelineName, InstanceName = operation, TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = options.OverallTimeout, OnTimeout = MarkOverall });
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } error && classify.IsRetryable(error, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    // AttemptNumber counts retries from 0: the attempt that just failed is AttemptNumber + 1.
                    var code = args.Outcome.Exception is { } error ? classify.ErrorCode(error) : "no error";
                    log(_logger, logged, args.AttemptNumber + 1, options.MaxAttempts, code, (long)args.RetryDelay.TotalMilliseconds, null);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout, OnTimeout = MarkAttempt });

        // No Polly telemetry (ConfigureTelemetry): its log entries repeat per attempt with stack traces, and its
        // metrics would count what the packages' own telemetry already counts. The line above is the record.
        return builder.Build();
    }

    private static ValueTask Mark(OnTimeoutArguments args, string which)
    {
        args.Context.Properties.Set(TimeoutFired, which);
        return default;
    }
}

/// <summary>What a package's retry pipelines are called and which event id their retry line uses.</summary>
/// <param name="PipelineName">Polly's pipeline name (its instance name is the operation, so nothing shows <c>(null)</c>).</param>
/// <param name="OperationPrefix">Put before the operation in the log line (e.g. <c>"S3 "</c>); empty for none.</param>
/// <param name="RetryEventId">The event id of the retry log line, from the package's own range.</param>
internal sealed record RetryPipelineIdentity(string PipelineName, string OperationPrefix, int RetryEventId)
{
    /// <summary>The retry line with this identity's event id, defined once (pipelines are built per client or per job).</summary>
    public Action<ILogger, string, int, int, string, long, Exception?> Log { get; } = RetryLog.For(RetryEventId);
}

/// <summary>A package's view of its failures: which are worth another attempt, and what to call them in a log line.</summary>
internal interface IRetryClassifier
{
    /// <summary>Whether another attempt may succeed; <paramref name="callerToken"/> tells the caller's cancellation from a timeout.</summary>
    bool IsRetryable(Exception error, CancellationToken callerToken);

    /// <summary>A short, secret-free name for the failure: the service's error code, else a description of its kind.</summary>
    string ErrorCode(Exception error);
}
