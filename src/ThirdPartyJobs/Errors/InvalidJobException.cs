namespace ThirdPartyJobs;

/// <summary>CodePipeline says the job is not valid (<c>InvalidJobException</c>). Not retried.</summary>
public class InvalidJobException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidJobException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
