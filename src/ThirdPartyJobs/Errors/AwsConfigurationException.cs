using Amazon.Runtime;

namespace ThirdPartyJobs;

/// <summary>
/// The AWS settings the client was given cannot work: no credentials could be found, the named
/// profile does not exist, or the <c>ServiceURL</c> is not an absolute http(s) URL. Raised by the
/// client's <c>Create</c> (and so when <c>AddThirdPartyJobs</c>' client is first resolved), before
/// any call is made; credentials that only fail later (an expired profile session, a credential
/// process that stops working) raise it from the call that needed them. The message names the
/// settings that were looked at; <see cref="Setting"/> names the one at fault. Never retried.
/// </summary>
public class AwsConfigurationException : ThirdPartyJobException
{
    /// <summary>The settings looked at for credentials, in the AWS SDK's order; named in messages.</summary>
    internal const string CredentialSources =
        "AWSOptions.Credentials, the profile from AWS:Profile or AWS_PROFILE (else \"default\") in the shared credentials and config files, "
        + "the environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, web identity (AWS_WEB_IDENTITY_TOKEN_FILE), "
        + "container credentials (AWS_CONTAINER_CREDENTIALS_*) and EC2 instance metadata (unless AWS_EC2_METADATA_DISABLED)";

    // message: what is wrong, naming the settings looked at (never a secret); setting: the one at fault.
    internal AwsConfigurationException(string message, string setting, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(message, details, innerException)
    {
        Setting = setting;
    }

    /// <summary>The setting at fault: <c>Credentials</c>, <c>Profile</c>, <c>ServiceURL</c> or <c>Region</c>.</summary>
    public string Setting { get; }

    /// <summary>Classifies an SDK configuration failure (its message is the only signal the SDK gives) into ours.</summary>
    /// <param name="error">The SDK's exception.</param>
    /// <param name="operation">The operation that needed the setting, when it failed at a call.</param>
    /// <param name="profile">The profile the options named, if any.</param>
    internal static AwsConfigurationException From(AmazonClientException error, string? operation = null, string? profile = null)
    {
        var text = error.Message ?? "";
        bool Says(string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
        var (setting, message) =
            profile is not null && Says("profile")
                ? ("Profile", $"The AWS profile '{profile}' (AWSOptions.Profile, AWS:Profile or AWS_PROFILE) was not found in the shared credentials or config file, or it cannot give credentials.")
            : Says("credential")
                ? ("Credentials", $"No AWS credentials were found. Looked at: {CredentialSources}.")
            : Says("region")
                ? ("Region", "No AWS region was found. Looked at: AWSOptions.Region, AWS:Region, AWS_REGION / AWS_DEFAULT_REGION, the profile's region, and ServiceURL.")
            : Says("endpoint") || Says("URL") || Says("FIPS") || Says("Dualstack")
                ? ("ServiceURL", "The CodePipeline endpoint cannot be built from ServiceURL, UseFIPSEndpoint and UseDualstackEndpoint (AWSOptions.DefaultClientConfig or the AWS section).")
                : ("Credentials", $"The AWS SDK could not prepare the request. Check the credentials and endpoint settings: {CredentialSources}.");

        // The SDK's own words say which source failed; they name settings and profiles, never key material.
        var said = string.IsNullOrWhiteSpace(text) ? "" : $" The AWS SDK said: {text}";
        return new AwsConfigurationException(message + said, setting, new ServiceErrorDetails(operation), error);
    }
}
