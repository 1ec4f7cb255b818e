using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>AWS SDK client configuration for CodePipeline, as a generated client would have it.</summary>
internal sealed class CodePipelineClientConfig : ClientConfig
{
    public const string CodePipelineServiceId = "CodePipeline";
    // The AWS SDK's version in the SDK's slot, as a generated client sends it; this library names itself through the request's User-Agent details.
    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString(CodePipelineServiceId, LibraryUserAgent.SdkVersion);

    public CodePipelineClientConfig()
        : base(new DefaultConfigurationProvider(DefaultConfigurations()))
    {
        ServiceId = CodePipelineServiceId;
        AuthenticationServiceName = "codepipeline";
        EndpointProvider = new CodePipelineEndpointProvider();

        // One retry layer: the Polly pipeline owns retries, so the SDK makes exactly one attempt.
        MaxErrorRetry = 0;
        MaxStaleConnectionRetries = 0;
        NeverLog(this);
    }

    /// <summary>
    /// Turns the SDK's own logging off for this client, whatever <c>AWSConfigs.LoggingConfig</c> or the
    /// <c>AWS:Logging</c> section says: its request metrics quote the canonical request (the session token
    /// included) and its response log quotes bodies (artifact credentials, configuration). The library's own
    /// logs, metrics and spans say what happened without secrets.
    /// </summary>
    public static void NeverLog(ClientConfig config)
    {
        config.DisableLogging = true;
        config.LogMetrics = false;
        config.LogResponse = false;
    }

    public override string RegionEndpointServiceName => "codepipeline";

    public override string ServiceVersion => "2015-07-09";

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EndpointProvider.ResolveEndpoint(CodePipelineEndpointResolver.MapParameters(this, parameters.AlternateEndpoint));

    private static IEnumerable<IDefaultConfiguration> DefaultConfigurations() =>
        new[] { DefaultConfigurationMode.Standard, DefaultConfigurationMode.InRegion, DefaultConfigurationMode.CrossRegion, DefaultConfigurationMode.Mobile, DefaultConfigurationMode.Auto }
            .Select(mode => (IDefaultConfiguration)new DefaultConfiguration { Name = mode, RetryMode = RequestRetryMode.Standard });
}
