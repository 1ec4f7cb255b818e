namespace ThirdPartyJobs;

/// <summary>The job is not in a state that accepts the call (<c>InvalidJobStateException</c>), e.g. a result for a job that already has one or timed out. Not retried.</summary>
public class InvalidJobStateException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidJobStateException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
