using NUnit.Framework;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>Keeps the AWS SDK off the (non-existent) instance metadata service in every test run.</summary>
[SetUpFixture]
public sealed class AwsEnvironmentSetUp
{
    [OneTimeSetUp]
    public void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
