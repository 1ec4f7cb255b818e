namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the action type (<c>ActionTypeNotFoundException</c>). Not retried.</summary>
public class ActionTypeNotFoundException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ActionTypeNotFoundException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
