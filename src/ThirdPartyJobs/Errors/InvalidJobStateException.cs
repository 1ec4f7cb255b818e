namespace ThirdPartyJobs;

/// <summary>The job is not in a state that accepts the call (<c>InvalidJobStateException</c>), e.g. a result for a job that already has one or timed out. Not retried.</summary>
public class InvalidJobStateException : ThirdPartyJobException
{
    internal InvalidJobStateException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
