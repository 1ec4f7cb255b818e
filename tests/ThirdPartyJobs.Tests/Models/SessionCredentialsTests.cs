namespace ThirdPartyJobs.Tests.Models;

[TestFixture]
public sealed class SessionCredentialsTests
{
    private static SessionCredentials Sample() => new(Canaries.AccessKeyId, Canaries.SecretAccessKey, Canaries.SessionToken);

    [Test]
    public void Values_are_read_explicitly()
    {
        var credentials = Sample();

        Assert.That(credentials.GetAccessKeyId(), Is.EqualTo(Canaries.AccessKeyId));
        Assert.That(credentials.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
        Assert.That(credentials.GetSessionToken(), Is.EqualTo(Canaries.SessionToken));
    }

    [Test]
    public void ToAwsCredentials_carries_all_three()
    {
        var immutable = Sample().ToAwsCredentials().GetCredentials();

        Assert.That(immutable.AccessKey, Is.EqualTo(Canaries.AccessKeyId));
        Assert.That(immutable.SecretKey, Is.EqualTo(Canaries.SecretAccessKey));
        Assert.That(immutable.Token, Is.EqualTo(Canaries.SessionToken));
    }

    [Test]
    public void Only_a_4_character_prefix_of_the_access_key_is_shown()
    {
        Assert.That(Sample().AccessKeyIdPrefix, Is.EqualTo("ASIA…"));
        Assert.That(Sample().ToString(), Is.EqualTo("SessionCredentials { AccessKeyId = ASIA…, SecretAccessKey = ***, SessionToken = *** }"));
        Assert.That(new SessionCredentials("ASIA", "s", "t").AccessKeyIdPrefix, Is.EqualTo("…"), "a key no longer than the prefix is not shown at all");
    }

    [TestCase(null, "s", "t")]
    [TestCase("", "s", "t")]
    [TestCase("a", null, "t")]
    [TestCase("a", "", "t")]
    [TestCase("a", "s", null)]
    [TestCase("a", "s", "")]
    public void Empty_parts_are_rejected(string? accessKeyId, string? secretAccessKey, string? sessionToken) =>
        Assert.Throws<ArgumentException>(() => _ = ThirdPartyJobsModelFactory.SessionCredentials(accessKeyId!, secretAccessKey!, sessionToken!));

    [Test]
    public void Equality_compares_all_three()
    {
        var first = Sample();
        var second = Sample();
        Assert.That(first, Is.Not.SameAs(second));
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
        Assert.That(Sample(), Is.Not.EqualTo(new SessionCredentials(Canaries.AccessKeyId, Canaries.SecretAccessKey, "other")));
        Assert.That(Sample().Equals(null), Is.False);
    }
}
