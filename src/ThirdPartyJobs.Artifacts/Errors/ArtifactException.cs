namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The base of every artifact error: S3 failures (with S3's error code, request id and status in
/// the inherited properties) and archive problems. Never carries a credential: the AWS SDK's
/// exception is not kept as the inner exception because its raw response can quote the access key id.
/// </summary>
public class ArtifactException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    // The failed call's facts (operation, S3 error code, request id, status, job id): set by the library only.
    internal ArtifactException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>The artifact's name, when the error concerns one.</summary>
    public string? ArtifactName { get; init; }

    /// <summary>The artifact's bucket, when known.</summary>
    public string? BucketName { get; init; }

    /// <summary>The artifact's object key, when known.</summary>
    public string? ObjectKey { get; init; }
}
