namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 refused the job's credentials for the artifact (AccessDenied, InvalidAccessKeyId,
/// SignatureDoesNotMatch, InvalidToken, or a KMS key the credentials may not use). Not retried.
/// </summary>
public class ArtifactAccessDeniedException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The failed call's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactAccessDeniedException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
