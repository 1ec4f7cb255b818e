namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 refused the job's credentials for the artifact (AccessDenied, InvalidAccessKeyId,
/// SignatureDoesNotMatch, InvalidToken, or a KMS key the credentials may not use). Not retried.
/// </summary>
public class ArtifactAccessDeniedException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactAccessDeniedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    // The failed call's facts (operation, S3 error code, request id, status, job id): set by the library only.
    internal ArtifactAccessDeniedException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
