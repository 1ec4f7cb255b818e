using Amazon.Runtime;
using Amazon;
using Amazon.S3;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>Builds the S3 client of one job: the job's credentials, the pipeline's region, no SDK retries, no SDK logging of secrets.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(JobArtifactCredentials credentials, ArtifactOptions options)
    {
        var config = new AmazonS3Config
        {
            // One retry layer: ours (Polly), which also refreshes expired credentials. The SDK would also
            // resend on what it takes for stale pooled connections; that is a retry too.
            MaxErrorRetry = 0,
            MaxStaleConnectionRetries = 0,

            // Checksums only where S3 requires them: payloads are signed (no chunked encoding, see
            // S3ArtifactUploader), which S3 verifies, and S3-compatible servers need not know trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,

            // Never let the SDK log a secret, whatever AWSConfigs.LoggingConfig says: request metrics quote
            // the canonical request (x-amz-security-token: the job's session token), and responses are off
            // in ArtifactS3Client (error bodies never reach the SDK). The library's own logs and OpenTelemetry metrics carry what is safe.
            LogMetrics = false,
            LogResponse = false,

            // A backstop only: the retry pipeline's attempt timeout (on the configured TimeProvider) fires first.
            Timeout = options.Retry.AttemptTimeout + TimeSpan.FromSeconds(30),
        };

        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (options.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        config.ForcePathStyle = options.ForcePathStyle ?? options.ServiceUrl is not null;
        return new ArtifactS3Client(credentials, config);
    }
}
