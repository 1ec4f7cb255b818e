namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 could not be reached or kept failing transiently (503 SlowDown, 5xx, connection resets,
/// timeouts) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.
/// </summary>
public class ArtifactStoreUnavailableException : ArtifactException
{
    internal ArtifactStoreUnavailableException(string message, ArtifactErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
