namespace ThirdPartyJobs.Testing.Tests;

/// <summary>Makes sure no test ever reaches for the EC2 instance metadata service.</summary>
[SetUpFixture]
public sealed class TestEnvironment
{
    [OneTimeSetUp]
    public void DisableEc2Metadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
