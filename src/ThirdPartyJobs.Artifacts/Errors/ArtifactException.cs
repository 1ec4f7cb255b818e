namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The base of every artifact error: S3 failures (with S3's error code, request id and status in
/// the inherited properties) and archive problems. Never carries a credential: the AWS SDK's
/// exception is not kept as the inner exception because its raw response can quote the access key id.
/// </summary>
public class ArtifactException : ThirdPartyJobException
{
    /// <summary>Creates the exception; set the other facts (operation, S3 error code, request id, status, job id, artifact) with an object initializer.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ArtifactException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details.Operation, details.ErrorCode, details.RequestId, details.StatusCode, details.JobId, details.ServiceMessage, details.Attempts, innerException)
    {
        ArtifactName = details.Target?.Name;
        BucketName = details.Target?.BucketName;
        ObjectKey = details.Target?.ObjectKey;
    }

    /// <summary>The artifact's name, when the error concerns one.</summary>
    public string? ArtifactName { get; init; }

    /// <summary>The artifact's bucket, when known.</summary>
    public string? BucketName { get; init; }

    /// <summary>The artifact's object key, when known.</summary>
    public string? ObjectKey { get; init; }
}
