namespace ThirdPartyJobs;

/// <summary>CodePipeline's answer could not be understood: not JSON, truncated, the wrong shape, or missing a required field. The message says where; it never quotes the response, which holds secrets.</summary>
public class MalformedResponseException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds the service's errors).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MalformedResponseException(string message, Exception? innerException = null)
        : base(message, default, innerException)
    {
    }

    internal MalformedResponseException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
