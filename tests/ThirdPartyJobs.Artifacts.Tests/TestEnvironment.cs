namespace ThirdPartyJobs.Artifacts.Tests;

/// <summary>Runs before any test: no SDK client may ever ask EC2 instance metadata for an identity or region.</summary>
[SetUpFixture]
public sealed class TestEnvironment
{
    [OneTimeSetUp]
    public void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
