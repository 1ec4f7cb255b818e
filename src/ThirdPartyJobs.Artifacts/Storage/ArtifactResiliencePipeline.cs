using Microsoft.Extensions.Logging;
using Polly;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>The retry layer of S3 requests: the shared <see cref="RetryPipeline"/> with the S3 classifier.</summary>
internal static class ArtifactResiliencePipeline
{
    public const string Name = "ThirdPartyJobs.Artifacts.S3";

    /// <summary>The event id of the S3 retry line (in the Artifacts package's range, 2001–2099).</summary>
    public const int RetryEventId = 2010;

    private static readonly RetryPipelineIdentity Identity = new(Name, "JobArtifacts", RetryEventId);

    public static ResiliencePipeline Create(ThirdPartyJobsRetryOptions options, TimeProvider timeProvider, ILogger logger) =>
        RetryPipeline.Create(Identity, options, S3ErrorClassifier.Instance, timeProvider, logger);
}
