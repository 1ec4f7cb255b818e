using NUnit.Framework;

namespace ThirdPartyJobs.Tests;

/// <summary>Runs once before any test in this assembly creates an AWS SDK client.</summary>
[SetUpFixture]
public sealed class TestEnvironment
{
    [OneTimeSetUp]
    public void DisableInstanceMetadata()
    {
        // No EC2 instance metadata service exists here; the SDK must never try to reach it.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
