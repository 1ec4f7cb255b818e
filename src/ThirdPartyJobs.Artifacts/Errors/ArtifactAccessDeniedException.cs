namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 refused the job's credentials for the artifact (AccessDenied, InvalidAccessKeyId,
/// SignatureDoesNotMatch, InvalidToken, or a KMS key the credentials may not use). Not retried.
/// </summary>
public class ArtifactAccessDeniedException : ArtifactException
{
    internal ArtifactAccessDeniedException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
