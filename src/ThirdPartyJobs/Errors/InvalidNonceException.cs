namespace ThirdPartyJobs;

/// <summary>The nonce does not match (<c>InvalidNonceException</c>): another worker acknowledged the job. Not retried; skip the job.</summary>
public class InvalidNonceException : ThirdPartyJobException
{
    internal InvalidNonceException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
