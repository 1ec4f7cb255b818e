namespace ThirdPartyJobs;

/// <summary>CodePipeline rejected the client token (<c>InvalidClientTokenException</c>): it does not belong to the job's customer. Not retried.</summary>
public class InvalidClientTokenException : ThirdPartyJobException
{
    internal InvalidClientTokenException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
