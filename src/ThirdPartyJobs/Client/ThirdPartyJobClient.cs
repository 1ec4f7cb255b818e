using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Protocol.AwsSdk;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// Creates the client for CodePipeline's third-party job operations. The client is thread-safe:
/// create one per process (or let <c>AddThirdPartyJobs</c> register it) and share it. Its type is
/// the interface, so code that creates it and code that is handed a mock see the same surface.
/// </summary>
public static class ThirdPartyJobClient
{
    /// <summary>Creates a client. The AWS settings are checked here, not at the first call.</summary>
    /// <param name="awsOptions">Region, profile, credentials and ServiceURL (e.g. <c>configuration.GetAWSOptions()</c>). Null uses the SDK's defaults: the credential chain and the region from the environment or profile.</param>
    /// <param name="options">Retry and timeout settings; null uses the defaults.</param>
    /// <param name="loggerFactory">Where the client and its retry pipeline log; never secrets.</param>
    /// <param name="timeProvider">The clock for all waiting (backoff, timeouts); null means <see cref="TimeProvider.System"/>. Tests pass a fake one.</param>
    /// <returns>The client; dispose it to release the underlying AWS SDK client.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names each bad setting.</exception>
    /// <exception cref="AwsConfigurationException">No credentials could be found, the profile does not exist, no region is set, or the ServiceURL is not an absolute http(s) URL; the message names the settings looked at.</exception>
    public static IThirdPartyJobClient Create(AWSOptions? awsOptions = null, ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        new CodePipelineThirdPartyJobClient(CreateTransport(awsOptions, options), options, loggerFactory, timeProvider);

    internal static AwsSdkCodePipelineTransport CreateTransport(AWSOptions? awsOptions, ThirdPartyJobsOptions? options)
    {
        // Validate first: building the SDK client resolves credentials, which fails (or creates a client to leak) before bad options are reported.
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options ?? new ThirdPartyJobsOptions());
        return new AwsSdkCodePipelineTransport(ServiceClientFactory.Create(awsOptions));
    }
}
