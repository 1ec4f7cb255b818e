namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// S3 said the job's temporary artifact credentials expired (ExpiredToken), and asking the
/// credentials source again did not help. CodePipeline renews them: call
/// <c>GetThirdPartyJobDetails</c> (<c>IThirdPartyJobClient.GetJobDetailsAsync</c>) again and use
/// the new job's credentials, or pass a credentials source that does so.
/// </summary>
public class ArtifactCredentialsExpiredException : ArtifactException
{
    /// <summary>The advice every message of this type ends with.</summary>
    public const string RenewalHint =
        "Artifact credentials are temporary: call GetThirdPartyJobDetails (IThirdPartyJobClient.GetJobDetailsAsync) again for fresh ones, "
        + "or create the artifacts with a credentials source that does.";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ArtifactCredentialsExpiredException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    // The failed call's facts (operation, S3 error code, request id, status, job id): set by the library only.
    internal ArtifactCredentialsExpiredException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>Whether the credentials source was asked again and returned different credentials that S3 also refused.</summary>
    public bool CredentialsWereRefreshed { get; init; }
}
