using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>Pipeline handler that feeds the client's settings to <see cref="CodePipelineEndpointProvider"/>.</summary>
internal sealed class CodePipelineEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        MapParameters((ClientConfig)requestContext.ClientConfig, requestContext.Request.AlternateEndpoint);

    internal static EndpointParameters MapParameters(ClientConfig config, RegionEndpoint? alternateEndpoint)
    {
        var region = alternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName;
        if (config.RegionEndpoint is null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            // A local endpoint: sign for AuthenticationRegion when given, else the region in the URL (us-east-1 if none).
            region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }

        var parameters = new EndpointParameters();
        parameters["Region"] = region;
        parameters["UseFIPS"] = config.UseFIPSEndpoint;
        parameters["UseDualStack"] = config.UseDualstackEndpoint;
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }
}
