using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Builds the SDK client from <see cref="AWSOptions"/>, turning every configuration failure the SDK
/// reports (credentials, profile, ServiceURL, region) into <see cref="AwsConfigurationException"/>
/// at construction, and pinning the settings the library owns: one attempt per SDK call (Polly
/// retries) and no SDK logging (it would write secrets).
/// </summary>
internal static class ServiceClientFactory
{
    public static CodePipelineServiceClient Create(AWSOptions? awsOptions)
    {
        awsOptions ??= new AWSOptions();
        RequireServiceUrl(awsOptions.DefaultClientConfig);
        CodePipelineServiceClient client;
        try
        {
            client = awsOptions.CreateServiceClient<CodePipelineServiceClient>();
        }
        catch (AmazonClientException error)
        {
            throw AwsConfigurationException.From(error, profile: awsOptions.Profile);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw AwsConfigurationException.From(new AmazonClientException(error.Message, error), profile: awsOptions.Profile);
        }

        // AWSOptions copies DefaultClientConfig over the client's own config; set what the library owns again.
        var config = (ClientConfig)client.Config;
        config.MaxErrorRetry = 0;
        config.MaxStaleConnectionRetries = 0;
        CodePipelineClientConfig.NeverLog(config);
        if (config.RegionEndpoint is null && string.IsNullOrEmpty(config.ServiceURL))
        {
            client.Dispose();
            throw new AwsConfigurationException(
                "No AWS region was found. Looked at: AWSOptions.Region, AWS:Region, AWS_REGION / AWS_DEFAULT_REGION, the profile's region, and AWSOptions.DefaultClientConfig.ServiceURL.",
                "Region");
        }

        return client;
    }

    private static void RequireServiceUrl(DefaultClientConfig config)
    {
        var serviceUrl = config.ServiceURL;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return;
        }

        if (config.UseFIPSEndpoint == true || config.UseDualstackEndpoint == true)
        {
            throw new AwsConfigurationException(
                "ServiceURL cannot be combined with UseFIPSEndpoint or UseDualstackEndpoint (AWSOptions.DefaultClientConfig or the AWS section): FIPS and dual-stack endpoints are derived from the region.",
                "ServiceURL");
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            // The URL is configuration, not a secret; quote it so the mistake is visible.
            throw new AwsConfigurationException(
                $"ServiceURL '{serviceUrl}' (AWSOptions.DefaultClientConfig.ServiceURL or AWS:ServiceURL) is not an absolute http or https URL.",
                "ServiceURL");
        }
    }
}
