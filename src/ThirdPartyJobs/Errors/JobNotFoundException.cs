namespace ThirdPartyJobs;

/// <summary>CodePipeline does not know the job (<c>JobNotFoundException</c>): the id is wrong, or the job belongs to another account or region. Not retried.</summary>
public class JobNotFoundException : ThirdPartyJobException
{
    internal JobNotFoundException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
