namespace ThirdPartyJobs.Artifacts;

/// <summary>The artifact's object or bucket does not exist (NoSuchKey, NoSuchBucket, HTTP 404). Not retried.</summary>
public class ArtifactNotFoundException : ArtifactException
{
    internal ArtifactNotFoundException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
