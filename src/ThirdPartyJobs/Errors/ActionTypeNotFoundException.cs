namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the action type (<c>ActionTypeNotFoundException</c>). Not retried.</summary>
public class ActionTypeNotFoundException : ThirdPartyJobException
{
    internal ActionTypeNotFoundException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
