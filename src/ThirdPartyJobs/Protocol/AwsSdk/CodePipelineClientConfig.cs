using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>AWS SDK client configuration for CodePipeline, as a generated client would have it.</summary>
internal sealed class CodePipelineClientConfig : ClientConfig
{
    public const string CodePipelineServiceId = "CodePipeline";
    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString(CodePipelineServiceId, typeof(CodePipelineClientConfig).Assembly.GetName().Version?.ToString() ?? "0.0.0");

    public CodePipelineClientConfig()
        : base(new DefaultConfigurationProvider(DefaultConfigurations()))
    {
        ServiceId = CodePipelineServiceId;
        AuthenticationServiceName = "codepipeline";
        EndpointProvider = new CodePipelineEndpointProvider();

        // One retry layer: the Polly pipeline owns retries, so the SDK makes exactly one attempt.
        MaxErrorRetry = 0;
        MaxStaleConnectionRetries = 0;
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
