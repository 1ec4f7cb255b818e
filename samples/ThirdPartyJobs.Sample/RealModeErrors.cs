using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// Turns every failure of real mode into two lines: what is wrong, and what to set. Never a stack trace, and never a
/// secret: the library's messages carry none, and nothing here quotes a configuration value other than a profile name.
/// </summary>
internal static class RealModeErrors
{
    public static (string What, string Hint) Describe(Exception error, IConfiguration configuration) => Unwrap(error) switch
    {
        OptionsValidationException invalid => (
            $"Invalid setting: {string.Join(" ", invalid.Failures)}",
            "Fix it in appsettings.json or the environment (':' becomes '__', e.g. ThirdPartyJobs__Retry__MaxAttempts=5)."),
        AwsConfigurationException { Setting: "Credentials" } => (NoCredentials(configuration),
            "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (AWS__Profile) naming a profile in ~/.aws/credentials."),
        AwsConfigurationException { Setting: "Profile" } => (NoCredentials(configuration),
            "Set AWS_PROFILE (AWS__Profile) to a profile in ~/.aws/credentials or ~/.aws/config, or unset it."),
        AwsConfigurationException { Setting: "Region" } => ("No AWS region was found.", "Set AWS_REGION or AWS__Region (e.g. us-east-1)."),
        AwsConfigurationException invalidSetting => ($"Invalid AWS setting {invalidSetting.Setting}: {Line(invalidSetting)}",
            "Check AWS__ServiceURL (an absolute http(s) URL), AWS__Region and AWS__Profile."),
        InvalidClientTokenException => (Named(error), "Check --client-token: it is the client token of the job's customer (its clientId)."),
        JobNotFoundException or InvalidJobException => (Named(error), "Check --job-id, and the region (AWS__Region): jobs live in one region."),
        ThrottledException or ServiceUnavailableException => (Named(error),
            "Check AWS__Region (or AWS_REGION), AWS__ServiceURL if set, and the network; then try again."),
        ThirdPartyJobException { ErrorCode: "UnrecognizedClientException" or "InvalidSignatureException" or "AccessDeniedException" or "ExpiredTokenException" } => (
            Named(error), "Check the AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the profile) and their CodePipeline permissions."),
        ThirdPartyJobException => (Named(error), "Check the AWS settings (AWS__Region, AWS__Profile, AWS__ServiceURL) and the arguments."),

        // The library turns configuration problems into AwsConfigurationException; these catch anything else the SDK says.
        AmazonClientException sdk when Mentions(sdk, "credential") => (NoCredentials(configuration),
            "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (AWS__Profile) naming a profile in ~/.aws/credentials."),
        AmazonClientException sdk when Mentions(sdk, "region") => (
            $"No AWS region: {Line(sdk)}", "Set AWS_REGION or AWS__Region (e.g. us-east-1)."),
        AmazonClientException sdk => (Line(sdk), "Check the AWS settings (AWS__Region, AWS__Profile, AWS__ServiceURL) and credentials."),
        ArgumentException argument when Mentions(argument, "ServiceURL") => (
            $"Invalid AWS__ServiceURL: {Line(argument)}", "Set AWS__ServiceURL to an absolute http(s) URL, or unset it to use AWS's endpoint."),
        ArgumentException { ParamName: "jobId" } argument => (Line(argument), "Check --job-id."),
        ArgumentException { ParamName: "clientToken" } => ("The client token is not valid.", "Check --client-token."),
        ArgumentException argument => ($"Invalid setting or argument: {Line(argument)}", "Check the AWS settings and the arguments."),
        var other => (Named(other), "Check the AWS settings (AWS__Region, AWS__Profile, AWS__ServiceURL) and credentials."),
    };

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions: [var single] } ? Unwrap(single) : error;

    private static bool Mentions(Exception error, string word) => error.Message.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string NoCredentials(IConfiguration configuration)
    {
        var profile = configuration["AWS:Profile"] ?? Environment.GetEnvironmentVariable("AWS_PROFILE");
        return profile is { Length: > 0 }
            ? $"No AWS credentials found: profile '{profile}' was not found or holds no credentials."
            : "No AWS credentials found (looked at AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, web identity, the default profile, instance metadata).";
    }

    private static string Named(Exception error) => $"{Unwrap(error).GetType().Name}: {Line(error)}";

    /// <summary>The first line of a message: the SDK's credential errors run to a dozen lines.</summary>
    private static string Line(Exception error)
    {
        var message = Unwrap(error).Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
