namespace ThirdPartyJobs;

/// <summary>CodePipeline kept throttling the call (<c>ThrottlingException</c> and its kin, or HTTP 429) until the retry budget ran out; see <see cref="ThirdPartyJobException.Attempts"/>.</summary>
public class ThrottledException : ThirdPartyJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ThrottledException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
