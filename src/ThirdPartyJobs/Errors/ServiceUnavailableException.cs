namespace ThirdPartyJobs;

/// <summary>CodePipeline could not be reached or kept failing transiently (HTTP 5xx, connection resets, timeouts) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ServiceUnavailableException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ServiceUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ServiceUnavailableException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
