using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace ThirdPartyJobs.Resilience;

/// <summary>
/// Builds the one retry layer: an overall timeout around exponential-backoff retries around a
/// per-attempt timeout. All waiting goes through the options' <see cref="TimeProvider"/>.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public const string PipelineName = "ThirdPartyJobs.CodePipeline";

    /// <summary>Set on the call's <see cref="ResilienceContext"/> by the timeout that fired last: "overall" or "attempt" (no guessing from TimeSpans).</summary>
    public static readonly ResiliencePropertyKey<string> TimeoutFired = new("ThirdPartyJobs.TimeoutFired");

    public static ResiliencePipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = options.OverallTimeout, OnTimeout = args => Mark(args, "overall") });
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
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } error && RetryClassifier.IsRetryable(error)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout, OnTimeout = args => Mark(args, "attempt") });

        // Polly's own telemetry logs retries through the user's logger factory; our exception messages carry no secrets.
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance });
        return builder.Build();
    }

    private static ValueTask Mark(OnTimeoutArguments args, string which)
    {
        args.Context.Properties.Set(TimeoutFired, which);
        return default;
    }
}
