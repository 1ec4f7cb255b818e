namespace ThirdPartyJobs.Testing.Tests;

/// <summary>
/// Checks the tests' own signer against AWS's published SigV4 test suite ("get-vanilla" and "post-vanilla"), so
/// that the emulator's verifier is tested against a known-good signer.
/// </summary>
public sealed class SigV4SignerTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly Dictionary<string, string> VanillaHeaders = new()
    {
        ["host"] = "example.amazonaws.com",
        ["x-amz-date"] = AmzDate,
    };

    [Test]
    public void Get_vanilla_canonical_request_matches_the_test_suite()
    {
        var canonical = TestSigV4Signer.CanonicalRequest("GET", "/", string.Empty, VanillaHeaders, TestSigV4Signer.Sha256Hex([]));

        Assert.That(canonical, Is.EqualTo(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash));
    }

    [Test]
    public void Get_vanilla_string_to_sign_matches_the_test_suite()
    {
        var canonical = TestSigV4Signer.CanonicalRequest("GET", "/", string.Empty, VanillaHeaders, EmptyHash);

        var stringToSign = TestSigV4Signer.StringToSign(AmzDate, "us-east-1", "service", canonical);

        Assert.That(stringToSign, Is.EqualTo(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
    }

    [TestCase("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [TestCase("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Vanilla_signature_matches_the_test_suite(string method, string expected)
    {
        var canonical = TestSigV4Signer.CanonicalRequest(method, "/", string.Empty, VanillaHeaders, EmptyHash);
        var stringToSign = TestSigV4Signer.StringToSign(AmzDate, "us-east-1", "service", canonical);

        var signature = TestSigV4Signer.Signature(Secret, AmzDate, "us-east-1", "service", stringToSign);

        Assert.That(signature, Is.EqualTo(expected));
    }
}
