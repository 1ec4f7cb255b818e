namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the request's values (<c>ValidationException</c>). Not retried.</summary>
public class ServiceValidationException : ThirdPartyJobException
{
    internal ServiceValidationException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
