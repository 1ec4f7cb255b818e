namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the action type (<c>ActionTypeNotFoundException</c>). Not retried.</summary>
public class ActionTypeNotFoundException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ActionTypeNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ActionTypeNotFoundException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
