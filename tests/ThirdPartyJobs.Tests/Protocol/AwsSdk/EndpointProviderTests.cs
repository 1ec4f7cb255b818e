using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using ThirdPartyJobs.Protocol.AwsSdk;

namespace ThirdPartyJobs.Tests.Protocol.AwsSdk;

/// <summary>CodePipeline's endpoint rules, as the SDK pipeline resolves them from the client's configuration.</summary>
[TestFixture]
public sealed class EndpointProviderTests
{
    private static string Resolve(string? region = null, bool fips = false, bool dualStack = false, string? endpoint = null)
    {
        var parameters = new EndpointParameters
        {
            ["Region"] = region,
            ["UseFIPS"] = fips,
            ["UseDualStack"] = dualStack,
            ["Endpoint"] = endpoint,
        };
        return new CodePipelineEndpointProvider().ResolveEndpoint(parameters).URL;
    }

    private static string ResolveFor(CodePipelineClientConfig config) =>
        new CodePipelineEndpointProvider().ResolveEndpoint(CodePipelineEndpointResolver.MapParameters(config, null)).URL;

    [TestCase("us-east-1", "https://codepipeline.us-east-1.amazonaws.com")]
    [TestCase("eu-central-1", "https://codepipeline.eu-central-1.amazonaws.com")]
    [TestCase("ap-southeast-2", "https://codepipeline.ap-southeast-2.amazonaws.com")]
    [TestCase("cn-north-1", "https://codepipeline.cn-north-1.amazonaws.com.cn")]
    [TestCase("cn-northwest-1", "https://codepipeline.cn-northwest-1.amazonaws.com.cn")]
    [TestCase("us-gov-west-1", "https://codepipeline.us-gov-west-1.amazonaws.com")]
    public void A_region_resolves_to_its_partitions_endpoint(string region, string expected) =>
        Assert.That(Resolve(region), Is.EqualTo(expected));

    [TestCase("us-east-1", "https://codepipeline-fips.us-east-1.amazonaws.com")]
    [TestCase("us-gov-west-1", "https://codepipeline-fips.us-gov-west-1.amazonaws.com")]
    public void FIPS_uses_the_fips_host(string region, string expected) =>
        Assert.That(Resolve(region, fips: true), Is.EqualTo(expected));

    [Test]
    public void Dual_stack_uses_api_aws() =>
        Assert.That(Resolve("us-east-1", dualStack: true), Is.EqualTo("https://codepipeline.us-east-1.api.aws"));

    [Test]
    public void FIPS_and_dual_stack_together() =>
        Assert.That(Resolve("us-west-2", fips: true, dualStack: true), Is.EqualTo("https://codepipeline-fips.us-west-2.api.aws"));

    [Test]
    public void Dual_stack_in_China_uses_its_own_suffix() =>
        Assert.That(Resolve("cn-north-1", dualStack: true), Is.EqualTo("https://codepipeline.cn-north-1.api.amazonwebservices.com.cn"));

    [TestCase("http://127.0.0.1:4566")]
    [TestCase("https://codepipeline.vpce-0123.example.internal/")]
    [TestCase("http://localhost:8080/prefix")]
    public void A_custom_endpoint_is_used_verbatim(string endpoint) =>
        Assert.That(Resolve("us-east-1", endpoint: endpoint), Is.EqualTo(endpoint));

    [Test]
    public void A_custom_endpoint_needs_no_region() =>
        Assert.That(Resolve(region: null, endpoint: "http://127.0.0.1:1234"), Is.EqualTo("http://127.0.0.1:1234"));

    [Test]
    public void FIPS_with_a_custom_endpoint_is_rejected()
    {
        var error = Assert.Throws<AmazonClientException>(() => Resolve("us-east-1", fips: true, endpoint: "http://127.0.0.1:4566"));

        Assert.That(error!.Message, Does.Contain("FIPS and custom endpoint are not supported"));
    }

    [Test]
    public void Dual_stack_with_a_custom_endpoint_is_rejected() =>
        Assert.Throws<AmazonClientException>(() => Resolve("us-east-1", dualStack: true, endpoint: "http://127.0.0.1:4566"));

    [Test]
    public void A_custom_endpoint_that_is_not_a_url_is_rejected() =>
        Assert.Throws<AmazonClientException>(() => Resolve("us-east-1", endpoint: "not a url"));

    [Test]
    public void No_region_and_no_endpoint_is_rejected()
    {
        var error = Assert.Throws<AmazonClientException>(() => Resolve(region: null));

        Assert.That(error!.Message, Does.Contain("Missing Region"));
    }

    [Test]
    public void The_client_configuration_maps_to_the_parameters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResolveFor(new CodePipelineClientConfig { RegionEndpoint = RegionEndpoint.USEast1 }), Is.EqualTo("https://codepipeline.us-east-1.amazonaws.com"));
            Assert.That(ResolveFor(new CodePipelineClientConfig { RegionEndpoint = RegionEndpoint.CNNorth1 }), Is.EqualTo("https://codepipeline.cn-north-1.amazonaws.com.cn"));
            Assert.That(ResolveFor(new CodePipelineClientConfig { RegionEndpoint = RegionEndpoint.USEast2, UseFIPSEndpoint = true }), Is.EqualTo("https://codepipeline-fips.us-east-2.amazonaws.com"));
            Assert.That(ResolveFor(new CodePipelineClientConfig { RegionEndpoint = RegionEndpoint.EUWest1, UseDualstackEndpoint = true }), Is.EqualTo("https://codepipeline.eu-west-1.api.aws"));
            Assert.That(ResolveFor(new CodePipelineClientConfig { ServiceURL = "http://127.0.0.1:4566" }), Does.StartWith("http://127.0.0.1:4566"));
        });
    }

    [Test]
    public void A_local_endpoint_signs_for_the_authentication_region()
    {
        var parameters = CodePipelineEndpointResolver.MapParameters(new CodePipelineClientConfig { ServiceURL = "http://127.0.0.1:4566", AuthenticationRegion = "eu-north-1" }, null);

        Assert.That(parameters["Region"], Is.EqualTo("eu-north-1"));
    }

    [Test]
    public void The_client_config_is_set_up_for_CodePipeline()
    {
        var config = new CodePipelineClientConfig();

        Assert.Multiple(() =>
        {
            Assert.That(config.ServiceId, Is.EqualTo("CodePipeline"));
            Assert.That(config.AuthenticationServiceName, Is.EqualTo("codepipeline"));
            Assert.That(config.RegionEndpointServiceName, Is.EqualTo("codepipeline"));
            Assert.That(config.ServiceVersion, Is.EqualTo("2015-07-09"));
            Assert.That(config.MaxErrorRetry, Is.Zero, "Polly owns retries");
        });
    }

    [Test]
    public void FIPS_with_a_ServiceURL_fails_at_construction_with_a_library_exception()
    {
        var aws = new Amazon.Extensions.NETCore.Setup.AWSOptions
        {
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE000000001", "secret"),
            DefaultClientConfig = { ServiceURL = "http://127.0.0.1:9", UseFIPSEndpoint = true },
        };
        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(aws, new ThirdPartyJobsOptions { Retry = { MaxAttempts = 1 } }));

        Assert.That(error!.Message, Does.Contain("ServiceURL cannot be combined with UseFIPSEndpoint"));
        Assert.That(error.Setting, Is.EqualTo("ServiceURL"));
    }
}
