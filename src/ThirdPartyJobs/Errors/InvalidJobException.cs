namespace ThirdPartyJobs;

/// <summary>CodePipeline says the job is not valid (<c>InvalidJobException</c>). Not retried.</summary>
public class InvalidJobException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidJobException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal InvalidJobException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
