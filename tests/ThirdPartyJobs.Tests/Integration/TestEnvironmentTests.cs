namespace ThirdPartyJobs.Tests.Integration;

[TestFixture]
public sealed class TestEnvironmentTests
{
    [Test]
    public void Instance_metadata_is_disabled_for_the_whole_run() =>
        Assert.That(Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), Is.EqualTo("true"));
}
