using ThirdPartyJobs.Testing.Tests.Support;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class SignatureVerificationTests : EmulatorTest
{
    private const string PollBody = """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"}}""";

    private static string PollTarget => EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs);

    [Test]
    public async Task A_properly_signed_request_is_accepted()
    {
        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
    }

    [Test]
    public async Task A_request_without_authorization_is_MissingAuthenticationTokenException()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, sign: false);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.ErrorCode, Is.EqualTo("MissingAuthenticationTokenException"));
            Assert.That(response.Message, Is.EqualTo("Missing Authentication Token"));
        });
    }

    [Test]
    public async Task An_authorization_header_without_signature_is_IncompleteSignatureException()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, afterSigning: request =>
        {
            var header = request.Headers.GetValues("Authorization").Single();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", header[..header.IndexOf(", Signature=", StringComparison.Ordinal)]);
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("IncompleteSignatureException"));
            Assert.That(response.Message, Does.Contain("'Signature'"));
        });
    }

    [Test]
    public async Task A_tampered_body_is_InvalidSignatureException()
    {
        var tampered = PollBody.Replace("\"1\"", "\"2\"", StringComparison.Ordinal);

        var response = await Client.SendAsync(PollTarget, PollBody, bodyAfterSigning: tampered);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.StartWith("The request signature we calculated does not match the signature you provided."));
        });
    }

    [Test]
    public async Task A_tampered_signed_header_is_InvalidSignatureException()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, afterSigning: request =>
        {
            request.Headers.Remove("X-Amz-Target");
            request.Headers.TryAddWithoutValidation("X-Amz-Target", EmulatorClient.Target(CodePipelineOperation.GetThirdPartyJobDetails));
        });

        Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
    }

    [Test]
    public async Task A_wrong_secret_is_InvalidSignatureException()
    {
        Client.SecretKey = "not-the-secret-key-at-all-0000000000000000";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
    }

    [Test]
    public async Task An_unknown_access_key_is_UnrecognizedClientException()
    {
        Client.AccessKeyId = "AKIAUNKNOWNKEY000000";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
            Assert.That(response.Message, Is.EqualTo("The security token included in the request is invalid."));
        });
    }

    [Test]
    public async Task A_request_dated_more_than_15_minutes_ago_is_expired()
    {
        Client.Clock = () => Time.GetUtcNow().AddMinutes(-16);

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.StartWith("Signature expired: 20250314T091053Z is now earlier than 20250314T091153Z (20250314T092653Z - 15 min.)"));
        });
    }

    [Test]
    public async Task A_request_dated_more_than_15_minutes_ahead_is_not_yet_current()
    {
        Client.Clock = () => Time.GetUtcNow().AddMinutes(16);

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.StartWith("Signature not yet current"));
        });
    }

    [Test]
    public async Task Expiry_follows_the_emulators_clock_not_the_machines()
    {
        var signedAt = Time.GetUtcNow();
        Client.Clock = () => signedAt;

        var fresh = await Client.SendAsync(PollTarget, PollBody);
        Time.Advance(TimeSpan.FromMinutes(14));
        var stillFresh = await Client.SendAsync(PollTarget, PollBody);
        Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That((int)fresh.StatusCode, Is.EqualTo(200));
            Assert.That((int)stillFresh.StatusCode, Is.EqualTo(200));
            Assert.That(expired.Message, Does.StartWith("Signature expired"));
        });
    }

    [Test]
    public async Task A_request_signed_for_another_region_is_rejected_naming_the_region()
    {
        Client.Region = "eu-west-1";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.Contain("Credential should be scoped to a valid region, not 'eu-west-1'"));
        });
    }

    [Test]
    public async Task A_request_signed_for_another_service_is_rejected_naming_the_service()
    {
        Client.Service = "codebuild";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.Contain("Credential should be scoped to correct service: 'codepipeline'"));
        });
    }

    [Test]
    public async Task A_scope_date_other_than_the_request_date_is_rejected()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, afterSigning: request =>
        {
            var header = request.Headers.GetValues("Authorization").Single();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", header.Replace("/20250314/", "/20250313/", StringComparison.Ordinal));
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.StartWith("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250313' != '20250314'"));
        });
    }

    [Test]
    public async Task Another_signing_algorithm_is_IncompleteSignatureException()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, afterSigning: request =>
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "AWS3-HTTPS AWSAccessKeyId=AKIAEMULATORTESTKEY1,Algorithm=HmacSHA256,Signature=abc");
        });

        Assert.That(response.ErrorCode, Is.EqualTo("IncompleteSignatureException"));
    }

    [Test]
    public async Task A_missing_amz_date_is_IncompleteSignatureException()
    {
        var response = await Client.SendAsync(PollTarget, PollBody, afterSigning: request => request.Headers.Remove("X-Amz-Date"));

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("IncompleteSignatureException"));
            Assert.That(response.Message, Does.Contain("X-Amz-Date"));
        });
    }

    [Test]
    public async Task A_matching_content_sha256_header_is_accepted_and_a_wrong_one_rejected()
    {
        var hash = TestSigV4Signer.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(PollBody));

        var matching = await Client.SendAsync(PollTarget, PollBody, beforeSigning: r => r.Headers.TryAddWithoutValidation("x-amz-content-sha256", hash));
        var wrong = await Client.SendAsync(PollTarget, PollBody, beforeSigning: r => r.Headers.TryAddWithoutValidation("x-amz-content-sha256", new string('0', 64)));

        Assert.Multiple(() =>
        {
            Assert.That((int)matching.StatusCode, Is.EqualTo(200), matching.ToString());
            Assert.That(wrong.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(wrong.Message, Does.Contain("x-amz-content-sha256"));
        });
    }

    [Test]
    public async Task Faults_are_not_applied_to_requests_that_fail_verification()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs);
        Client.SecretKey = "wrong-secret-0000000000000000000000000000";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(Emulator.Faults.PendingCount(CodePipelineOperation.PollForThirdPartyJobs), Is.EqualTo(1));
        });
    }
}

public sealed class SessionTokenVerificationTests : EmulatorTest
{
    private const string Token = "FQoGZXIvYXdzEXAMPLE-session-token//0123456789+abc=";
    private static readonly EmulatorCredential Temporary = new("ASIAEMULATORTEMPKEY1", "temporary/secret/key/0123456789abcdefghij", Token);
    private static readonly EmulatorCredential Second = new("AKIASECONDTESTKEY000", "second/secret/key/0123456789abcdefghijkl");

    private const string PollBody = """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"}}""";

    private static string PollTarget => EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs);

    [Test]
    public async Task A_signed_session_token_is_accepted()
    {
        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.SessionToken, Is.EqualTo(Token));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
        });
    }

    [Test]
    public async Task A_missing_session_token_is_UnrecognizedClientException()
    {
        Client.SessionToken = null;

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That(response.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public async Task A_wrong_session_token_is_UnrecognizedClientException()
    {
        Client.SessionToken = "some-other-token";

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That(response.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public async Task An_unsigned_session_token_is_InvalidSignatureException()
    {
        Client.SignSessionToken = false;

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidSignatureException"));
            Assert.That(response.Message, Does.Contain("X-Amz-Security-Token"));
        });
    }

    [Test]
    public async Task Every_configured_credential_is_accepted()
    {
        Client.AccessKeyId = Second.AccessKeyId;
        Client.SecretKey = Second.SecretAccessKey;
        Client.SessionToken = null;

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
    }

    [Test]
    public async Task A_session_token_sent_with_a_long_term_key_is_UnrecognizedClientException()
    {
        Client.AccessKeyId = Second.AccessKeyId;
        Client.SecretKey = Second.SecretAccessKey;

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That(response.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    protected override void Configure(CodePipelineEmulatorOptions options)
    {
        options.Credentials.Add(Temporary);
        options.Credentials.Add(Second);
    }
}
