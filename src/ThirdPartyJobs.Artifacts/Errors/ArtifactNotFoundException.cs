namespace ThirdPartyJobs.Artifacts;

/// <summary>The artifact's object or bucket does not exist (NoSuchKey, NoSuchBucket, HTTP 404). Not retried.</summary>
public class ArtifactNotFoundException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    // The failed call's facts (operation, S3 error code, request id, status, job id): set by the library only.
    internal ArtifactNotFoundException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
