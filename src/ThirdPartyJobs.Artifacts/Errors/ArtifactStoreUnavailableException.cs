namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 could not be reached or kept failing transiently (503 SlowDown, 5xx, connection resets,
/// timeouts) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.
/// </summary>
public class ArtifactStoreUnavailableException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactStoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    // The failed call's facts (operation, S3 error code, request id, status, job id): set by the library only.
    internal ArtifactStoreUnavailableException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
