using NUnit.Framework;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Keeps the AWS SDK off the (non-existent) instance metadata service, before any test creates an
/// SDK client. A test project derives a <c>[SetUpFixture]</c> from it in its root namespace: NUnit
/// runs a setup fixture only for the tests in its own namespace and below.
/// </summary>
public abstract class NoInstanceMetadataSetUp
{
    /// <summary>Sets <c>AWS_EC2_METADATA_DISABLED</c> for the whole run.</summary>
    [OneTimeSetUp]
    public void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
