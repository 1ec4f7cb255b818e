namespace ThirdPartyJobs.Artifacts;

/// <summary>The artifact's object or bucket does not exist (NoSuchKey, NoSuchBucket, HTTP 404). Not retried.</summary>
public class ArtifactNotFoundException : ArtifactException
{
    /// <summary>Creates the exception; set the other facts with an object initializer.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ArtifactNotFoundException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
