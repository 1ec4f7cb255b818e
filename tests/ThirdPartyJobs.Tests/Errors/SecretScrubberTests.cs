using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Errors;

[TestFixture]
public sealed class SecretScrubberTests
{
    [Test]
    public void Replaces_every_occurrence_of_a_secret()
    {
        var text = $"1 validation error detected: Value '{Canaries.ClientToken}' at 'clientToken' failed; again {Canaries.ClientToken}.";

        var scrubbed = SecretScrubber.Scrub(text, [Canaries.ClientToken]);

        Assert.That(scrubbed, Is.EqualTo("1 validation error detected: Value '***' at 'clientToken' failed; again ***."));
    }

    [Test]
    public void Replaces_each_of_several_secrets()
    {
        var text = $"token {Canaries.ClientToken} nonce nonce-123456 end";

        var scrubbed = SecretScrubber.Scrub(text, [Canaries.ClientToken, "nonce-123456"]);

        Assert.That(scrubbed, Is.EqualTo("token *** nonce *** end"));
    }

    [Test]
    public void Withholds_the_whole_message_when_it_quotes_a_short_secret()
    {
        // Replacing "abc" would mangle words; the message is dropped instead.
        var scrubbed = SecretScrubber.Scrub("Value 'abc' at 'clientToken' failed to satisfy constraint", ["abc"]);

        Assert.That(scrubbed, Is.EqualTo(SecretScrubber.WithheldMessage));
    }

    [Test]
    public void Leaves_text_without_secrets_alone()
    {
        Assert.That(SecretScrubber.Scrub("The job was not found.", [Canaries.ClientToken, "xyz"]), Is.EqualTo("The job was not found."));
        Assert.That(SecretScrubber.Scrub("text", []), Is.EqualTo("text"));
        Assert.That(SecretScrubber.Scrub("text", ["", null!]), Is.EqualTo("text"));
    }

    [Test]
    public void Null_and_empty_text_pass_through()
    {
        Assert.That(SecretScrubber.Scrub(null, [Canaries.ClientToken]), Is.Null);
        Assert.That(SecretScrubber.Scrub("", [Canaries.ClientToken]), Is.EqualTo(""));
    }

    [Test]
    public void Matching_is_ordinal()
    {
        var scrubbed = SecretScrubber.Scrub("token " + Canaries.ClientToken.ToLowerInvariant(), [Canaries.ClientToken]);

        // A differently-cased string is not the secret (tokens are case-sensitive).
        Assert.That(scrubbed, Is.EqualTo("token " + Canaries.ClientToken.ToLowerInvariant()));
    }
}
