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
    internal const string RenewalHint =
        "Artifact credentials are temporary: call GetThirdPartyJobDetails (IThirdPartyJobClient.GetJobDetailsAsync) again for fresh ones, "
        + "or create the artifacts from an IRunningJob that renews them (the worker's JobContext does).";

    internal ArtifactCredentialsExpiredException(string message, ArtifactErrorDetails details, bool credentialsWereRefreshed)
        : base(message, details)
    {
        CredentialsWereRefreshed = credentialsWereRefreshed;
    }

    /// <summary>Whether the credentials source was asked again and returned different credentials that S3 also refused.</summary>
    public bool CredentialsWereRefreshed { get; }
}
