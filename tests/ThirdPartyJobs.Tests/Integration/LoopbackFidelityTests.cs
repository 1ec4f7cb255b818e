using System.Net;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>
/// Issue 10 over the real SDK pipeline and HTTP: sparse and odd answers the API model allows are
/// returned as data, and every error keeps what the service said (message, status, request id)
/// and says whether it was a timeout or a transport failure.
/// </summary>
[TestFixture]
public sealed class LoopbackFidelityTests : LoopbackFixture
{
    protected override ThirdPartyJobsOptions ClientOptions => LoopbackClient.FastOptions(maxAttempts: 2);

    [TestCase("{}")]
    [TestCase("""{"jobDetails":null}""")]
    [TestCase("")]
    public async Task Get_job_details_without_job_details_returns_null(string body)
    {
        Server.Reply(CannedResponse.Json(200, body));

        Assert.That(await Client.GetJobDetailsAsync("job-1", "tok"), Is.Null);
    }

    [Test]
    public async Task A_sparse_job_is_returned_as_sent()
    {
        Server.Reply(CannedResponse.Json(200, """{"jobDetails":{"id":"j","nonce":" ","data":{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"P"},"actionConfiguration":{"configuration":{"A":"1","B":null,"A":"2"}},"inputArtifacts":[null],"encryptionKey":{"id":"k"}}}}"""));

        var details = (await Client.GetJobDetailsAsync("job-1", "tok"))!;

        Assert.Multiple(() =>
        {
            Assert.That(details.Nonce, Is.EqualTo(" "));
            Assert.That(details.Data!.ActionTypeId!.Version, Is.Null);
            Assert.That(details.Data.Configuration.Keys, Is.EquivalentTo(new[] { "A" }));
            Assert.That(details.Data.Configuration.GetSecretValue("A"), Is.EqualTo("2"));
            Assert.That(details.Data.InputArtifacts, Is.Empty);
            Assert.That(details.Data.EncryptionKey!.Type, Is.Null);
        });
    }

    [TestCase("{}", null)]
    [TestCase("""{"status":null}""", null)]
    [TestCase("""{"status":""}""", "")]
    public async Task Acknowledge_without_a_status_or_with_an_empty_one(string body, string? expected)
    {
        Server.Reply(CannedResponse.Json(200, body));

        var status = await Client.AcknowledgeJobAsync("job-1", "1", "tok");

        Assert.That(status?.Value, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_polled_job_without_a_client_id_and_null_jobs_are_handled()
    {
        Server.Reply(CannedResponse.Json(200, """{"jobs":[null,{"jobId":"j"}]}"""));

        var jobs = await Client.PollForJobsAsync(ThirdPartyJobsModelFactory.ActionTypeId());

        Assert.That(jobs.Single().ClientId, Is.Null);
        Assert.That(Server.Requests.Single().Body, Does.Not.Contain("maxBatchSize"), "maxBatchSize is optional and left out when not given");
    }

    [Test]
    public void A_400_with_an_html_body_keeps_status_and_request_id_and_quotes_only_an_excerpt()
    {
        var html = "<html><body><h1>400 Bad Request</h1>" + new string('x', 5000) + "</body></html>";
        Server.Reply(CannedResponse.Json(400, html) with { ContentType = "text/html", RequestId = "html-req-1" });

        var error = Assert.ThrowsAsync<ThirdPartyJobException>(() => Client.GetJobDetailsAsync("job-1", "tok"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.RequestId, Is.EqualTo("html-req-1"));
            Assert.That(error.Message, Does.Not.Contain("inner exception"));
            Assert.That(error.InnerException, Is.Null);
            Assert.That(error.Message, Does.Contain("HTTP 400").And.Contain("the body is not JSON"));
            Assert.That(error.Message, Does.Not.Contain("<html>"), "a page that is not JSON may echo secrets: never quoted");
            Assert.That(error.Message.Length, Is.LessThan(600));
            Assert.That(error.ServiceMessage, Is.Null, "the service sent no message");
        });
    }

    [Test]
    public void The_service_message_is_kept_apart_and_scrubbed()
    {
        Server.Reply(CannedResponse.Error(400, "ValidationException", $"Value '{Canaries.ClientToken}' at 'clientToken' failed to satisfy constraint"));

        var error = Assert.ThrowsAsync<ServiceValidationException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken));

        Assert.That(error!.ServiceMessage, Is.EqualTo("Value '***' at 'clientToken' failed to satisfy constraint"));
        Assert.That(error.Message, Does.StartWith(error.ServiceMessage + " (Operation: GetThirdPartyJobDetails, ErrorCode: ValidationException, Status: 400, RequestId: canned-"));
    }

    [Test]
    public void A_garbage_200_keeps_status_and_request_id()
    {
        Server.Reply(CannedResponse.Json(200, "not json") with { RequestId = "garbage-1" });

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => Client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That((error!.StatusCode, error.RequestId, error.Attempts), Is.EqualTo(((HttpStatusCode?)HttpStatusCode.OK, "garbage-1", 1)));
    }

    [Test]
    public void Attempt_timeouts_end_with_a_TimeoutException_inside()
    {
        using var client = NewClient(LoopbackClient.FastOptions(maxAttempts: 2, attemptTimeoutMilliseconds: 300));
        Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(30) });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.InnerException!.Message, Does.Contain("AttemptTimeout"));
        Assert.That(error.Message, Does.Contain("attempt timeout of 0.3 s"));
        Assert.That(error.Attempts, Is.EqualTo(2));
        Assert.That(error.StatusCode, Is.Null, "no response arrived");
    }

    [Test]
    public void An_error_body_that_never_ends_is_cut_off_by_the_attempt_timeout()
    {
        using var client = NewClient(LoopbackClient.FastOptions(maxAttempts: 2, attemptTimeoutMilliseconds: 300));
        var answer = CannedResponse.Error(400, "ValidationException", new string('A', 100_000));
        Server.Reply(answer with { StallAfterBytes = 2_000 });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>(), "reading the error body stopped when the attempt timed out");
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_overall_timeout_bounds_the_whole_call()
    {
        // The first attempt ends at its attempt timeout (400 ms); the overall timeout (700 ms) cuts the second one short.
        var options = LoopbackClient.FastOptions(maxAttempts: 5, attemptTimeoutMilliseconds: 400);
        options.Retry.OverallTimeout = TimeSpan.FromMilliseconds(700);
        using var client = NewClient(options);
        Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(30) });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.InnerException!.Message, Does.Contain("OverallTimeout"));
        Assert.That(error.Message, Does.Contain("overall timeout of 0.7 s"));
        Assert.That(error.Attempts, Is.EqualTo(2));
    }

    [Test]
    public void Timeouts_bound_the_reading_of_an_error_body_that_never_ends()
    {
        var options = LoopbackClient.FastOptions(maxAttempts: 1, attemptTimeoutMilliseconds: 500);
        options.Retry.OverallTimeout = TimeSpan.FromMilliseconds(500);
        using var client = NewClient(options);
        Server.Reply(CannedResponse.Error(503, "ServiceUnavailable", new string('A', 100_000)) with { StallAfterBytes = 300 });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.Message, Does.Contain("timeout of 0.5 s"));
    }

    [TestCase(20 * 1024 * 1024, "application/x-amz-json-1.1")]
    public void A_huge_error_body_gives_a_bounded_exception(int size, string contentType)
    {
        var body = """{"__type":"ValidationException","message":""" + "\"" + new string('A', size) + "\"}";
        Server.Reply(CannedResponse.Json(400, body) with { ContentType = contentType });

        var error = Assert.ThrowsAsync<ServiceValidationException>(() => Client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.ErrorCode, Is.EqualTo("ValidationException"));
        Assert.That(error.Message.Length, Is.LessThan(1_000), "the message quotes no more than a bounded part of the body");
        Assert.That(error.Message, Does.Contain("was read no further"));
        Assert.That(error.ServiceMessage, Is.Null, "the message was longer than the bound, so none was kept");
    }

    [Test]
    public void A_huge_html_503_gives_a_bounded_exception()
    {
        Server.Reply(CannedResponse.Json(503, "<html>" + new string('x', 20 * 1024 * 1024) + "</html>") with { ContentType = "text/html" });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => Client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Message.Length, Is.LessThan(1_000));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(error.Attempts, Is.EqualTo(2), "retried, each attempt reading at most the bound");
    }
}
