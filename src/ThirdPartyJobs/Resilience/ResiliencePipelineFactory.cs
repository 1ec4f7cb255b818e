using Microsoft.Extensions.Logging;
using Polly;

namespace ThirdPartyJobs.Resilience;

/// <summary>The client's retry pipelines: the shared <see cref="RetryPipeline"/> with CodePipeline's classifier.</summary>
internal static class ResiliencePipelineFactory
{
    public const string PipelineName = "ThirdPartyJobs.CodePipeline";

    /// <summary>The event id of the client's retry line (the client's range is 1001–1099).</summary>
    public const int RetryEventId = 1004;

    /// <summary>Set on the call's <see cref="ResilienceContext"/> by the timeout that fired last (see <see cref="RetryPipeline.TimeoutFired"/>).</summary>
    public static ResiliencePropertyKey<string> TimeoutFired => RetryPipeline.TimeoutFired;

    private static readonly RetryPipelineIdentity Identity = new(PipelineName, string.Empty, RetryEventId);

    public static RetryPipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory) =>
        new(Identity, options, RetryClassifier.Instance, timeProvider, loggerFactory?.CreateLogger<ThirdPartyJobClient>());
}
