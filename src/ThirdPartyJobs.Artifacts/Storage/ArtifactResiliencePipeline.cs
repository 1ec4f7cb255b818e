using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// The one retry layer for S3 requests: exponential-backoff retries of throttling and transient
/// faults around a per-attempt timeout. All waiting goes through the options' <see cref="TimeProvider"/>.
/// </summary>
internal static class ArtifactResiliencePipeline
{
    public const string Name = "ThirdPartyJobs.Artifacts.S3";

    public static ResiliencePipeline Create(ArtifactRetryOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder { Name = Name, TimeProvider = timeProvider };
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
                    args.Outcome.Exception is { } error && S3ErrorClassifier.IsTransient(error, args.Context.CancellationToken)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });

        // Polly logs retries through the user's logger factory. S3 error messages carry no credentials,
        // and the SDK exceptions it sees never include the raw response body in their text.
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance });
        return builder.Build();
    }
}
