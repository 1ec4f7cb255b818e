using ThirdPartyJobs.TestUtilities;

// In the root namespace: NUnit runs a setup fixture only for the tests in its namespace and below.
namespace ThirdPartyJobs.Reliability.Tests;

/// <summary>Runs before any test creates an SDK client: there is no instance metadata service here.</summary>
[SetUpFixture]
public sealed class AssemblySetup : NoInstanceMetadataSetUp
{
}
