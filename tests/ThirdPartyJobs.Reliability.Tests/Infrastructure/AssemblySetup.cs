using NUnit.Framework;

namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>Runs before any test creates an SDK client: there is no instance metadata service here.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeSetUp]
    public void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
