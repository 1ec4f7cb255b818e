namespace ThirdPartyJobs;

/// <summary>CodePipeline says the job is not valid (<c>InvalidJobException</c>). Not retried.</summary>
public class InvalidJobException : ThirdPartyJobException
{
    internal InvalidJobException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
