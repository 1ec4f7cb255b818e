namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The base of every artifact error: S3 failures (with S3's error code, request id and status in
/// the inherited properties) and archive problems. Never carries a credential: the AWS SDK's
/// exception is not kept as the inner exception because its raw response can quote the access key id.
/// </summary>
public class ArtifactException : ThirdPartyJobException
{
    /// <summary>Creates the exception (for a fake <see cref="IJobArtifacts"/> in a test); the library's own carry the S3 facts as well.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactException(string message, Exception? innerException = null)
        : base(message, operation: null, errorCode: null, requestId: null, statusCode: null, jobId: null, serviceMessage: null, attempts: 1, innerException)
    {
    }

    internal ArtifactException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details.Operation, details.Answer?.ErrorCode, details.Answer?.RequestId, details.Answer?.StatusCode, details.JobId, details.ServiceMessage, details.Attempts, innerException)
    {
        ArtifactName = details.Target?.Name ?? details.ArtifactName;
        BucketName = details.Target?.BucketName;
        ObjectKey = details.Target?.ObjectKey;
    }

    /// <summary>The artifact's name, when the error concerns one.</summary>
    public string? ArtifactName { get; }

    /// <summary>The artifact's bucket, when known.</summary>
    public string? BucketName { get; }

    /// <summary>The artifact's object key, when known.</summary>
    public string? ObjectKey { get; }
}
