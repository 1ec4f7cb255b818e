namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the job (<c>JobNotFoundException</c>): the id is wrong, or the job belongs to another account or region. Not retried.</summary>
public class JobNotFoundException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public JobNotFoundException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
