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

    public static ResiliencePipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = timeProvider };
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
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } error && RetryClassifier.IsRetryable(error)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });

        // Polly's own telemetry logs retries through the user's logger factory; our exception messages carry no secrets.
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance });
        return builder.Build();
    }
}
