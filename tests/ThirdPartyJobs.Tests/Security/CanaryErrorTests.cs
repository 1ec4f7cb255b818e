using ThirdPartyJobs.Tests.Integration;
using ThirdPartyJobs.Tests.Protocol.Json;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>
/// Every error path, driven through the real SDK pipeline where a response is involved: neither
/// an exception's Message nor its ToString() (inner exceptions included) may carry a secret, even
/// when the service's own message quotes the client token.
/// </summary>
[TestFixture]
public sealed class CanaryErrorTests : LoopbackFixture
{
    private const string CanaryNonce = "CANARY-NONCE-42";

    protected override ThirdPartyJobsOptions ClientOptions => LoopbackClient.FastOptions(maxAttempts: 2);

    private static void AssertClean(Exception? error)
    {
        Assert.That(error, Is.Not.Null);
        Assert.That(Canaries.Leaks(error!.Message), Is.False, () => "Message leaks a secret: " + error.Message);
        Assert.That(Canaries.Leaks(error.ToString()), Is.False, () => "ToString leaks a secret: " + error);
    }

    // What a service might echo: the request's own secrets (the nonce only travels with AcknowledgeThirdPartyJob).
    private static string Echo(string code, bool withNonce = true) =>
        $"1 validation error detected: Value '{Canaries.ClientToken}' at 'clientToken' failed to satisfy constraint ({code})" + (withNonce ? $"; nonce '{CanaryNonce}'" : "");

    [TestCase("ValidationException", 400)]
    [TestCase("JobNotFoundException", 400)]
    [TestCase("InvalidClientTokenException", 400)]
    [TestCase("InvalidJobException", 400)]
    [TestCase("InvalidNonceException", 400)]
    [TestCase("InvalidJobStateException", 400)]
    [TestCase("ActionTypeNotFoundException", 400)]
    [TestCase("ThrottlingException", 400)]
    [TestCase("InternalFailure", 500)]
    [TestCase("ServiceUnavailableException", 503)]
    [TestCase("SomeFutureException", 400)]
    [TestCase("com.amazonaws.codepipeline#ValidationException", 400)]
    public void A_service_message_that_quotes_the_secrets_is_scrubbed(string code, int status)
    {
        Server.Reply(CannedResponse.Error(status, code, Echo(code)));

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => Client.AcknowledgeJobAsync("job-1", CanaryNonce, Canaries.ClientToken));

        AssertClean(error);
        Assert.That(error!.Message, Does.Contain("Value '***' at 'clientToken'"), "the rest of the message is kept");
    }

    [Test]
    public void A_message_in_the_header_form_is_scrubbed_too()
    {
        Server.Reply(CannedResponse.Json(400, $$"""{"message":"{{Echo("x", withNonce: false)}}"}""", ("X-Amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/")));

        AssertClean(Assert.ThrowsAsync<ServiceValidationException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken)));
    }

    [Test]
    public void A_message_quoting_a_short_client_token_is_withheld()
    {
        Server.Reply(CannedResponse.Error(400, "ValidationException", "Value 'tk5' at 'clientToken' failed to satisfy constraint"));

        var error = Assert.ThrowsAsync<ServiceValidationException>(() => Client.GetJobDetailsAsync("job-1", "tk5"));

        Assert.That(error!.ToString(), Does.Not.Contain("'tk5'"));
        Assert.That(error.Message, Does.StartWith("The service's message was withheld"));
    }

    private static IEnumerable<TestCaseData> MalformedBodies()
    {
        var full = SampleResponses.FullJobDetails;
        yield return new TestCaseData(full[..(full.IndexOf(Canaries.SecretAccessKey, StringComparison.Ordinal) + 12)]).SetName("{m}(truncated in the secret key)");
        yield return new TestCaseData(full.Replace("\"" + Canaries.SessionToken + "\"", Canaries.SessionToken, StringComparison.Ordinal)).SetName("{m}(unquoted session token)");
        yield return new TestCaseData(full.Replace("\"" + Canaries.ConfigValue + "\"", "[\"" + Canaries.ConfigValue + "\"]", StringComparison.Ordinal)).SetName("{m}(configuration value of the wrong type)");
        yield return new TestCaseData(full + Canaries.SecretAccessKey).SetName("{m}(secret as trailing garbage)");
        yield return new TestCaseData(full.Replace("\"sessionToken\"", "\"sessionToken\":[],\"x\"", StringComparison.Ordinal)).SetName("{m}(session token of the wrong type)");
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public void A_malformed_answer_holding_secrets(string body)
    {
        Server.Reply(CannedResponse.Json(200, body));

        AssertClean(Assert.ThrowsAsync<MalformedResponseException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken)));
    }

    [Test]
    public void Malformed_answers_straight_from_the_parser() =>
        AssertClean(ResponseParserMalformedTests.AssertMalformed(() => ParserHarness.JobDetails(SampleResponses.FullJobDetails[..^40])));

    [Test]
    public void Timeouts_resets_and_server_errors()
    {
        using (var impatient = NewClient(LoopbackClient.FastOptions(maxAttempts: 2, attemptTimeoutMilliseconds: 150)))
        {
            Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(5) });
            AssertClean(Assert.ThrowsAsync<ServiceUnavailableException>(() => impatient.GetJobDetailsAsync("job-1", Canaries.ClientToken)));
        }

        Server.Reply(CannedResponse.ConnectionReset());
        AssertClean(Assert.ThrowsAsync<ServiceUnavailableException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken)));

        Server.Reply(CannedResponse.Json(502, $"<html>{Canaries.ClientToken}</html>") with { ContentType = "text/html" });
        AssertClean(Assert.ThrowsAsync<ServiceUnavailableException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken)));
    }

    [Test]
    public void Argument_errors_never_quote_the_value()
    {
        var longToken = Canaries.ClientToken + new string('x', 300);
        AssertClean(Assert.CatchAsync<ArgumentException>(() => Client.GetJobDetailsAsync("job-1", longToken)));
        AssertClean(Assert.CatchAsync<ArgumentException>(() => Client.AcknowledgeJobAsync("job-1", CanaryNonce + new string('x', 50), Canaries.ClientToken)));
        AssertClean(Assert.CatchAsync<ArgumentException>(() => Client.PutJobSuccessResultAsync("job-1", longToken)));
        AssertClean(Assert.CatchAsync<ArgumentException>(() => Client.PutJobFailureResultAsync("job-1", longToken, new FailureDetails(FailureType.JobFailed, "m"))));
        AssertClean(Assert.Catch<ArgumentException>(() => _ = ThirdPartyJobsModelFactory.SessionCredentials(Canaries.AccessKeyId, Canaries.SecretAccessKey, "")));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void The_internal_request_record_does_not_print_its_secrets()
    {
        var request = new ThirdPartyJobs.Protocol.TransportRequest("AcknowledgeThirdPartyJob", System.Text.Encoding.UTF8.GetBytes(Canaries.ClientToken), "job-1", [Canaries.ClientToken, CanaryNonce]);

        Assert.That(Canaries.Leaks(request.ToString()), Is.False, request.ToString());
    }
}
