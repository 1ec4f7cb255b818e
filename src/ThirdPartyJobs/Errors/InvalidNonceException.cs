namespace ThirdPartyJobs;

/// <summary>The nonce does not match (<c>InvalidNonceException</c>): another worker acknowledged the job. Not retried; skip the job.</summary>
public class InvalidNonceException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidNonceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal InvalidNonceException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
