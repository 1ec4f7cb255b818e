namespace ThirdPartyJobs.Testing.Tests;

public sealed class SignatureVerificationTests : EmulatorTest
{
    private const string PollBody = SpoiledPoll.Body;

    private static string PollTarget => SpoiledPoll.Target;

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

        response.AssertError(400, "MissingAuthenticationTokenException", Is.EqualTo("Missing Authentication Token"));
    }

    /// <summary>
    /// One poll whose signing input is spoiled, before signing (<c>spoil</c>: the client's keys, clock, region or
    /// service) or after it (<c>afterSigning</c>: the signed headers), and how the emulator must reject it.
    /// </summary>
    private static IEnumerable<TestCaseData> SpoiledRequests()
    {
        yield return SpoiledPoll.Rejected("An_authorization_header_without_signature_is_IncompleteSignatureException", "IncompleteSignatureException", Does.Contain("'Signature'"), afterSigning: request =>
            SpoiledPoll.ReplaceAuthorization(request, header => header[..header.IndexOf(", Signature=", StringComparison.Ordinal)]));
        yield return SpoiledPoll.Rejected("A_tampered_signed_header_is_InvalidSignatureException", "InvalidSignatureException", afterSigning: request =>
        {
            request.Headers.Remove("X-Amz-Target");
            request.Headers.TryAddWithoutValidation("X-Amz-Target", EmulatorClient.Target(CodePipelineOperation.GetThirdPartyJobDetails));
        });
        yield return SpoiledPoll.Rejected("A_wrong_secret_is_InvalidSignatureException", "InvalidSignatureException", spoil: (client, _) => client.SecretKey = "not-the-secret-key-at-all-0000000000000000");
        yield return SpoiledPoll.Rejected("An_unknown_access_key_is_UnrecognizedClientException", "UnrecognizedClientException", Is.EqualTo("The security token included in the request is invalid."), status: 400, spoil: (client, _) => client.AccessKeyId = "AKIAUNKNOWNKEY000000");
        yield return SpoiledPoll.Rejected("A_request_dated_more_than_15_minutes_ago_is_expired", "InvalidSignatureException", Does.StartWith("Signature expired: 20250314T091053Z is now earlier than 20250314T091153Z (20250314T092653Z - 15 min.)"), spoil: (client, time) => client.Clock = () => time.GetUtcNow().AddMinutes(-16));
        yield return SpoiledPoll.Rejected("A_request_dated_more_than_15_minutes_ahead_is_not_yet_current", "InvalidSignatureException", Does.StartWith("Signature not yet current"), spoil: (client, time) => client.Clock = () => time.GetUtcNow().AddMinutes(16));
        yield return SpoiledPoll.Rejected("A_request_signed_for_another_region_is_rejected_naming_the_region", "InvalidSignatureException", Does.Contain("Credential should be scoped to a valid region, not 'eu-west-1'"), spoil: (client, _) => client.Region = "eu-west-1");
        yield return SpoiledPoll.Rejected("A_request_signed_for_another_service_is_rejected_naming_the_service", "InvalidSignatureException", Does.Contain("Credential should be scoped to correct service: 'codepipeline'"), spoil: (client, _) => client.Service = "codebuild");
        yield return SpoiledPoll.Rejected("A_scope_date_other_than_the_request_date_is_rejected", "InvalidSignatureException", Does.StartWith("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250313' != '20250314'"), afterSigning: request =>
            SpoiledPoll.ReplaceAuthorization(request, header => header.Replace("/20250314/", "/20250313/", StringComparison.Ordinal)));
        yield return SpoiledPoll.Rejected("Another_signing_algorithm_is_IncompleteSignatureException", "IncompleteSignatureException", afterSigning: request =>
            SpoiledPoll.ReplaceAuthorization(request, _ => "AWS3-HTTPS AWSAccessKeyId=AKIAEMULATORTESTKEY1,Algorithm=HmacSHA256,Signature=abc"));
        yield return SpoiledPoll.Rejected("A_missing_amz_date_is_IncompleteSignatureException", "IncompleteSignatureException", Does.Contain("X-Amz-Date"), afterSigning: request => request.Headers.Remove("X-Amz-Date"));
    }

    [TestCaseSource(nameof(SpoiledRequests))]
    public Task A_spoiled_signature_is_rejected(SpoiledPoll poll) => poll.AssertRejectedAsync(Client, Time);

    [Test]
    public async Task A_tampered_body_is_InvalidSignatureException()
    {
        var tampered = PollBody.Replace("\"1\"", "\"2\"", StringComparison.Ordinal);

        var response = await Client.SendAsync(PollTarget, PollBody, bodyAfterSigning: tampered);

        response.AssertError(400, "InvalidSignatureException", Does.StartWith("The request signature we calculated does not match the signature you provided."));
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

    private const string PollBody = SpoiledPoll.Body;

    private static string PollTarget => SpoiledPoll.Target;

    [Test]
    public async Task A_signed_session_token_is_accepted()
    {
        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Credential.SessionToken, Is.EqualTo(Token));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
        });
    }

    private static IEnumerable<TestCaseData> SpoiledSessionTokens()
    {
        yield return SpoiledPoll.Rejected("A_missing_session_token_is_UnrecognizedClientException", "UnrecognizedClientException", spoil: (client, _) => client.SessionToken = null);
        yield return SpoiledPoll.Rejected("A_wrong_session_token_is_UnrecognizedClientException", "UnrecognizedClientException", spoil: (client, _) => client.SessionToken = "some-other-token");
        yield return SpoiledPoll.Rejected("An_unsigned_session_token_is_InvalidSignatureException", "InvalidSignatureException", Does.Contain("X-Amz-Security-Token"), spoil: (client, _) => client.SignSessionToken = false);
        yield return SpoiledPoll.Rejected("A_session_token_sent_with_a_long_term_key_is_UnrecognizedClientException", "UnrecognizedClientException", spoil: (client, _) => (client.AccessKeyId, client.SecretKey) = (Second.AccessKeyId, Second.SecretAccessKey));
    }

    [TestCaseSource(nameof(SpoiledSessionTokens))]
    public Task A_spoiled_session_token_is_rejected(SpoiledPoll poll) => poll.AssertRejectedAsync(Client, Time);

    [Test]
    public async Task Every_configured_credential_is_accepted()
    {
        Client.AccessKeyId = Second.AccessKeyId;
        Client.SecretKey = Second.SecretAccessKey;
        Client.SessionToken = null;

        var response = await Client.SendAsync(PollTarget, PollBody);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
    }

    protected override void Configure(CodePipelineEmulatorOptions options)
    {
        options.Credentials.Add(Temporary);
        options.Credentials.Add(Second);
    }
}
