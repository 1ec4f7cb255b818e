using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>The retry layer of S3 requests: the shared <see cref="RetryPipeline"/> with the S3 classifier.</summary>
internal static class ArtifactResiliencePipeline
{
    public const string Name = "ThirdPartyJobs.Artifacts.S3";

    /// <summary>The event id of the S3 retry line (in the Artifacts package's range, 3001–3099; Hosting owns 2001–2099).</summary>
    public const int RetryEventId = 3010;

    private static readonly RetryPipelineIdentity Identity = new(Name, "S3 ", RetryEventId);

    public static RetryPipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILogger logger) =>
        new(Identity, options, S3ErrorClassifier.Instance, timeProvider, logger);
}
