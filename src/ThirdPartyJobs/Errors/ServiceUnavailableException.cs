namespace ThirdPartyJobs;

/// <summary>CodePipeline could not be reached or kept failing transiently (HTTP 5xx, connection resets, timeouts) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ServiceUnavailableException : ThirdPartyJobException
{
    internal ServiceUnavailableException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
