namespace ThirdPartyJobs.Artifacts;

/// <summary>The artifact's object or bucket does not exist (NoSuchKey, NoSuchBucket, HTTP 404). Not retried.</summary>
public class ArtifactNotFoundException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The failed call's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactNotFoundException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
