namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the client token (<c>InvalidClientTokenException</c>): it does not belong to the job's customer. Not retried.</summary>
public class InvalidClientTokenException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidClientTokenException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal InvalidClientTokenException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
