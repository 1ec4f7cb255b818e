namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 refused the job's credentials for the artifact (AccessDenied, InvalidAccessKeyId,
/// SignatureDoesNotMatch, InvalidToken, or a KMS key the credentials may not use). Not retried.
/// </summary>
public class ArtifactAccessDeniedException : ArtifactException
{
    /// <summary>Creates the exception; set the other facts with an object initializer.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactAccessDeniedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ArtifactAccessDeniedException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
