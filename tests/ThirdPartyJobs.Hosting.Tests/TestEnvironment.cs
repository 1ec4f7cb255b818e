namespace ThirdPartyJobs.Hosting.Tests;

/// <summary>In the root namespace, so that NUnit runs it before every test of this assembly (see <see cref="NoInstanceMetadataSetUp"/>).</summary>
[SetUpFixture]
public sealed class TestEnvironment : NoInstanceMetadataSetUp
{
}
