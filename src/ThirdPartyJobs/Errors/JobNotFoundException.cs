namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the job (<c>JobNotFoundException</c>): the id is wrong, or the job belongs to another account or region. Not retried.</summary>
public class JobNotFoundException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public JobNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal JobNotFoundException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
