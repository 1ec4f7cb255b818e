using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>Builds the real client as an application would, pointed at a local endpoint.</summary>
public static class ClientFactory
{
    /// <summary>A <see cref="ThirdPartyJobClient"/> with SigV4 signing and the default retry pipeline armed.</summary>
    public static IThirdPartyJobClient Create(Uri endpoint) =>
        ThirdPartyJobClient.Create(
            new AWSOptions
            {
                Credentials = new BasicAWSCredentials("AKIDEXAMPLEBENCH0001", "benchmark-secret-access-key-0000000000000"),
                DefaultClientConfig = { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" },
            },
            new ThirdPartyJobsOptions());
}
