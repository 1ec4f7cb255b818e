using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// CodePipeline's endpoint rules: <c>https://codepipeline.{region}.{dnsSuffix}</c>, with FIPS
/// (<c>codepipeline-fips</c>) and dual-stack (<c>api.aws</c>) variants per partition, or the
/// configured <c>ServiceURL</c> verbatim.
/// </summary>
internal sealed class CodePipelineEndpointProvider : IEndpointProvider
{
    // The configured ServiceURL last found valid: it is checked once, not on every call.
    private string? _validatedEndpoint;

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var useFips = Equals(parameters["UseFIPS"], true);
        var useDualStack = Equals(parameters["UseDualStack"], true);
        var endpoint = parameters["Endpoint"] as string;

        if (!string.IsNullOrEmpty(endpoint))
        {
            if (useFips)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            }

            if (useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }

            if (!string.Equals(endpoint, _validatedEndpoint, StringComparison.Ordinal))
            {
                if (ParseURL(endpoint) is null)
                {
                    throw new AmazonClientException($"Invalid Configuration: '{endpoint}' is not a valid endpoint URL");
                }

                _validatedEndpoint = endpoint;
            }

            return new Endpoint(endpoint);
        }

        var region = parameters["Region"] as string;
        if (string.IsNullOrEmpty(region))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        var partition = Partition(region) ?? throw new AmazonClientException($"Cannot resolve an endpoint for region '{region}'");
        var host = useFips ? "codepipeline-fips" : "codepipeline";
        if (useFips && !Equals(GetAttr(partition, "supportsFIPS"), true))
        {
            throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
        }

        if (useDualStack && !Equals(GetAttr(partition, "supportsDualStack"), true))
        {
            throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
        }

        var suffix = (string)GetAttr(partition, useDualStack ? "dualStackDnsSuffix" : "dnsSuffix");
        return new Endpoint($"https://{host}.{region}.{suffix}");
    }
}
