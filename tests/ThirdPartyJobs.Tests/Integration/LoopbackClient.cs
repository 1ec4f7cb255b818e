using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>Builds a real client (the whole AWS SDK pipeline) pointed at a loopback endpoint.</summary>
internal static class LoopbackClient
{
    public const string AccessKeyId = "AKIDLOOPBACKEXAMPLE1";
    public const string SecretAccessKey = "loopback-secret-key-wJalrXUtnFEMI/K7MDENG";
    public const string AuthenticationRegion = "eu-central-1";

    public static AWSOptions AwsOptions(string serviceUrl, string accessKeyId = AccessKeyId, string secretAccessKey = SecretAccessKey) => new()
    {
        Credentials = new BasicAWSCredentials(accessKeyId, secretAccessKey),
        DefaultClientConfig =
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = AuthenticationRegion,
        },
    };

    /// <summary>Real-clock options with small delays and timeouts, to keep real-HTTP tests fast.</summary>
    public static ThirdPartyJobsOptions FastOptions(int maxAttempts = 3, int attemptTimeoutMilliseconds = 5_000) => new()
    {
        Retry =
        {
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            UseJitter = false,
            AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMilliseconds),
            OverallTimeout = TimeSpan.FromSeconds(30),
        },
    };

    public static IThirdPartyJobClient Create(string serviceUrl, ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null, AWSOptions? awsOptions = null) =>
        ThirdPartyJobClient.Create(awsOptions ?? AwsOptions(serviceUrl), options ?? FastOptions(), loggerFactory);
}
