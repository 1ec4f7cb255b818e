namespace ThirdPartyJobs;

/// <summary>CodePipeline kept throttling the call (<c>ThrottlingException</c> and its kin, or HTTP 429) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ThrottledException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ThrottledException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal ThrottledException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
