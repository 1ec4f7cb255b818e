namespace ThirdPartyJobs;

/// <summary>CodePipeline could not be reached or kept failing transiently (HTTP 5xx, connection resets, timeouts) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ServiceUnavailableException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ServiceUnavailableException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
