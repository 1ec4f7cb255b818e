namespace ThirdPartyJobs;

/// <summary>CodePipeline kept throttling the call (<c>ThrottlingException</c> and its kin, or HTTP 429) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ThrottledException : ThirdPartyJobException
{
    internal ThrottledException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
