namespace ThirdPartyJobs;

/// <summary>The nonce does not match (<c>InvalidNonceException</c>): another worker acknowledged the job. Not retried; skip the job.</summary>
public class InvalidNonceException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidNonceException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
