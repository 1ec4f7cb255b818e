using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace ThirdPartyJobs;

/// <summary>
/// The one retry layer of every AWS call the library makes: an overall timeout around
/// exponential-backoff retries around a per-attempt timeout, all waiting on the given
/// <see cref="TimeProvider"/>. Each retry is one log line at Warning (operation, attempt, delay,
/// error code; no stack trace: the caller gets the final exception); Polly's own log entries are
/// off (they repeat per attempt at Information and carry stack traces), its metrics stay on.
/// Shared source: linked into ThirdPartyJobs and ThirdPartyJobs.Artifacts, internal in each.
/// </summary>
internal static class RetryPipeline
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="identity">Names (pipeline, instance, operation fallback) and the log event id.</param>
    /// <param name="options">The validated retry settings.</param>
    /// <param name="classify">Whether a failure is worth another attempt (given the caller's token), and its error code for the log.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    /// <param name="logger">Where retries are logged.</param>
    public static ResiliencePipeline Create(RetryPipelineIdentity identity, ThirdPartyJobsRetryOptions options, IRetryClassifier classify, TimeProvider timeProvider, ILogger? logger)
    {
        logger ??= NullLogger.Instance;
        var log = RetryLog.For(identity.RetryEventId);
        var builder = new ResiliencePipelineBuilder { Name = identity.PipelineName, InstanceName = identity.InstanceName, TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = options.OverallTimeout });
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
                    log(
                        logger,
                        args.Context.OperationKey ?? identity.PipelineName,
                        args.AttemptNumber + 1,
                        options.MaxAttempts,
                        args.Outcome.Exception is { } error ? classify.ErrorCode(error) : "no error",
                        (long)args.RetryDelay.TotalMilliseconds,
                        null);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });

        // Metrics only: a logger factory that discards Polly's own entries (our line above replaces them).
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = NullLoggerFactory.Instance });
        return builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="callback"/> through <paramref name="pipeline"/> with <paramref name="operation"/>
    /// as the context's operation key, which names the call in the retry log line.
    /// </summary>
    public static async ValueTask<TResult> ExecuteOperationAsync<TResult, TState>(
        this ResiliencePipeline pipeline,
        string operation,
        Func<TState, CancellationToken, ValueTask<TResult>> callback,
        TState state,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, call) => call.Callback(call.State, context.CancellationToken),
                context,
                (Callback: callback, State: state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}

/// <summary>What a package's retry pipeline is called and which event id its retry line uses.</summary>
/// <param name="PipelineName">Polly's pipeline name (metrics' <c>pipeline.name</c> tag), also the operation when none is given.</param>
/// <param name="InstanceName">Polly's pipeline instance name (metrics' <c>pipeline.instance</c> tag); never null so that no <c>(null)</c> appears.</param>
/// <param name="RetryEventId">The event id of the retry log line, from the package's own range.</param>
internal sealed record RetryPipelineIdentity(string PipelineName, string InstanceName, int RetryEventId);

/// <summary>A package's view of its failures: which are worth another attempt, and what to call them in a log line.</summary>
internal interface IRetryClassifier
{
    /// <summary>Whether another attempt may succeed; <paramref name="callerToken"/> tells the caller's cancellation from a timeout.</summary>
    bool IsRetryable(Exception error, CancellationToken callerToken);

    /// <summary>A short, secret-free name for the failure: the service's error code, else a description of its kind.</summary>
    string ErrorCode(Exception error);
}
