namespace ThirdPartyJobs;

/// <summary>The job is not in a state that accepts the call (<c>InvalidJobStateException</c>), e.g. a result for a job that already has one or timed out. Not retried.</summary>
public class InvalidJobStateException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidJobStateException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal InvalidJobStateException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
