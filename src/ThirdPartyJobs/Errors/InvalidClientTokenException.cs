namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the client token (<c>InvalidClientTokenException</c>): it does not belong to the job's customer. Not retried.</summary>
public class InvalidClientTokenException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidClientTokenException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
