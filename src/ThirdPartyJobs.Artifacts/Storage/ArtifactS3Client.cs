using Amazon.Runtime.Internal;
using Amazon.S3;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// The S3 client of one job. Whatever <c>AWSConfigs.LoggingConfig</c> (or an <c>AWS:Logging</c>
/// section) says, the AWS SDK never sees an S3 error body, so neither logs it (S3 quotes the job's
/// access key id, and for <c>SignatureDoesNotMatch</c> the canonical request with the session token):
/// <see cref="BoundedErrorResponseHandler"/> reads at most 64 KB of it and turns it into an exception
/// first. Success responses are not logged either (<see cref="SupportResponseLogging"/>), and request
/// metrics, which quote the canonical request, are off on its config (<see cref="S3ClientFactory"/>).
/// </summary>
internal sealed class ArtifactS3Client(JobArtifactCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    /// <summary>Off: the SDK would write response bodies to its log.</summary>
    protected override bool SupportResponseLogging => false;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);

        // Right inside the SDK's ErrorHandler: it then never gets the raw HTTP error to read and log.
        // (Called from the base constructor: only the primary-constructor parameter is available, which C# assigns first.)
        pipeline.AddHandlerAfter<ErrorHandler>(new BoundedErrorResponseHandler(() => credentials.Secrets(null)));
    }
}
