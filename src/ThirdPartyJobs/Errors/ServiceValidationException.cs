namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the request's values (<c>ValidationException</c>). Not retried.</summary>
public class ServiceValidationException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ServiceValidationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ServiceValidationException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
