namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the request's values (<c>ValidationException</c>). Not retried.</summary>
public class ServiceValidationException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ServiceValidationException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
