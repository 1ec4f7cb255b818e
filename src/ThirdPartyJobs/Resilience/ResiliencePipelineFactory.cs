using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Resilience;

/// <summary>The client's retry pipelines: the shared <see cref="RetryPipeline"/> with CodePipeline's classifier (it records which timeout fired under <see cref="RetryPipeline.TimeoutFired"/>).</summary>
internal static class ResiliencePipelineFactory
{
    public const string PipelineName = "ThirdPartyJobs.CodePipeline";

    /// <summary>The event id of the client's retry line (the client's range is 1001–1099).</summary>
    public const int RetryEventId = 1004;

    private static readonly RetryPipelineIdentity Identity = new(PipelineName, string.Empty, RetryEventId);

    public static RetryPipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory) =>
        new(Identity, options, RetryClassifier.Instance, timeProvider, loggerFactory?.CreateLogger(typeof(ThirdPartyJobClient).FullName!));
}
