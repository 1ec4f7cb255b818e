using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs;

/// <summary>
/// Creates the client for CodePipeline's custom-action job operations: one client per kind of job,
/// with the same method names as <see cref="IThirdPartyJobClient"/> (Azure's style), sharing its
/// protocol, retry pipeline, error mapping and fidelity rules. Thread-safe; create one per process
/// (or let <c>AddThirdPartyJobs</c> register it) and share it.
/// </summary>
public static class CustomJobClient
{
    /// <summary>Creates a client. The AWS settings are checked here, not at the first call.</summary>
    /// <param name="awsOptions">Region, profile, credentials and ServiceURL; null uses the SDK's defaults.</param>
    /// <param name="options">Retry and timeout settings; null uses the defaults.</param>
    /// <param name="loggerFactory">Where the client and its retry pipeline log; never secrets.</param>
    /// <param name="timeProvider">The clock for all waiting (backoff, timeouts); null means <see cref="TimeProvider.System"/>.</param>
    /// <returns>The client; dispose it to release the underlying AWS SDK client.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="AwsConfigurationException">The AWS settings cannot work; the message names the settings looked at.</exception>
    public static ICustomJobClient Create(AWSOptions? awsOptions = null, ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        new CodePipelineCustomJobClient(ThirdPartyJobClient.CreateTransport(awsOptions, options), options, loggerFactory, timeProvider);
}
