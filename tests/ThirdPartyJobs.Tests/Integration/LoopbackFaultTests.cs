using System.Diagnostics;
using System.Net;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>
/// Faults over real HTTP: one SDK attempt per Polly attempt, retries on throttling, 5xx, resets
/// and attempt timeouts, and the service's error codes in both wire forms. Delays and timeouts
/// are small real ones (this is a real socket), so the fixture stays fast.
/// </summary>
[TestFixture]
public sealed class LoopbackFaultTests : LoopbackFixture
{
    private const string Throttled = "ThrottlingException";

    private IThirdPartyJobClient FastClient(int maxAttempts = 3, int attemptTimeoutMilliseconds = 5_000) =>
        NewClient(LoopbackClient.FastOptions(maxAttempts, attemptTimeoutMilliseconds));

    [Test]
    public async Task Throttled_twice_then_success_takes_three_requests()
    {
        using var client = FastClient(maxAttempts: 5);
        Server.Reply(
            CannedResponse.Error(400, Throttled, "Rate exceeded"),
            CannedResponse.Error(400, Throttled, "Rate exceeded"),
            CannedResponse.Json(200, SampleResponses.FullJobDetails));

        var job = (await client.GetJobDetailsAsync("job-1", "tok"))!;

        Assert.That(job.Id, Is.EqualTo(SampleResponses.JobId));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(Server.Requests.Select(request => request.Header("amz-sdk-request")), Is.EqualTo(new[] { "attempt=1; max=5", "attempt=2; max=5", "attempt=3; max=5" }), "as the official SDKs count attempts");
        Assert.That(Server.Requests.Select(request => request.Header("amz-sdk-invocation-id")).Distinct().Count(), Is.EqualTo(1), "one invocation id per logical call");
        Assert.That(Server.Requests.Select(request => request.Body).Distinct().Count(), Is.EqualTo(1), "every attempt sends the same body");
        Assert.That(Server.Requests.All(request => SigV4Verifier.IsValid(request, LoopbackClient.SecretAccessKey)), Is.True, "every attempt is signed afresh");
    }

    [Test]
    public void Throttled_forever_gives_up_after_MaxAttempts_requests()
    {
        using var client = FastClient(maxAttempts: 4);
        Server.Reply(CannedResponse.Error(400, Throttled, "Rate exceeded"));

        var error = Assert.ThrowsAsync<ThrottledException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Attempts, Is.EqualTo(4));
        Assert.That(error.ErrorCode, Is.EqualTo(Throttled));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.RequestId, Does.StartWith("canned-"));
        Assert.That(Server.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Http_429_without_a_code_is_throttling_and_retried()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Json(429, "{}"), CannedResponse.Json(200, SampleResponses.AcknowledgedInProgress));

        var status = await client.AcknowledgeJobAsync("job-1", "1", "tok");

        Assert.That(status, Is.SameAs(JobStatus.InProgress));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Http_500_then_success_takes_two_requests()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Error(500, "InternalFailure", "oops"), CannedResponse.Json(200, SampleResponses.TwoJobs));

        var jobs = await client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 5);

        Assert.That(jobs, Has.Count.EqualTo(2));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public void A_5xx_with_a_non_json_body_is_retried_once_per_attempt_and_then_reported(int status)
    {
        using var client = FastClient(maxAttempts: 3);
        Server.Reply(CannedResponse.Json(status, "<html><body>Bad gateway</body></html>") with { ContentType = "text/html" });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.PutJobSuccessResultAsync("job-1", "tok"));

        Assert.That(error!.StatusCode, Is.EqualTo((HttpStatusCode)status));
        Assert.That(error.Attempts, Is.EqualTo(3));
        Assert.That(Server.Requests, Has.Count.EqualTo(3), "exactly one HTTP request per Polly attempt (the SDK does not retry)");
    }

    [Test]
    public async Task A_connection_reset_then_success_takes_two_requests()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.ConnectionReset(), CannedResponse.Json(200, SampleResponses.FullJobDetails));

        var job = (await client.GetJobDetailsAsync("job-1", "tok"))!;

        Assert.That(job.Nonce!, Is.EqualTo(SampleResponses.Nonce));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_reset_in_the_middle_of_the_body_is_retried()
    {
        using var client = FastClient();
        var full = CannedResponse.Json(200, SampleResponses.FullJobDetails);
        Server.Reply(full with { ResetAfterBytes = full.Serialize().Length / 2 }, full);

        var job = (await client.GetJobDetailsAsync("job-1", "tok"))!;

        Assert.That(job.Data!.InputArtifacts, Has.Count.EqualTo(2));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Connection_resets_forever_end_as_ServiceUnavailableException()
    {
        using var client = FastClient(maxAttempts: 2);
        Server.Reply(CannedResponse.ConnectionReset());

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Message, Does.StartWith("The request to CodePipeline failed before a complete response arrived"));
        Assert.That(error.Attempts, Is.EqualTo(2));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>().Or.InstanceOf<System.Net.Sockets.SocketException>(), "a transport failure, told apart from a timeout by its inner exception");
        Assert.That(error.StatusCode, Is.Null, "no response arrived");

        // One retry layer: the SDK neither retries nor resends on what it takes for a stale pooled connection
        // (MaxStaleConnectionRetries = 0), so each Polly attempt is one HTTP request, numbered as the official SDKs do.
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Assert.That(Server.Requests.Select(request => request.Header("amz-sdk-request")), Is.EqualTo(new[] { "attempt=1; max=2", "attempt=2; max=2" }));
        Assert.That(Server.Requests.Select(request => request.Header("amz-sdk-invocation-id")).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_attempt_that_exceeds_the_attempt_timeout_is_abandoned_and_retried()
    {
        using var client = FastClient(attemptTimeoutMilliseconds: 1_000);
        Server.Reply(
            CannedResponse.Json(200, SampleResponses.FullJobDetails) with { Delay = TimeSpan.FromSeconds(10) },
            CannedResponse.Json(200, SampleResponses.MinimalJobDetails));
        var stopwatch = Stopwatch.StartNew();

        var job = (await client.GetJobDetailsAsync("job-1", "tok"))!;

        Assert.That(job.Data!.InputArtifacts, Is.Empty, "the answer came from the second request");
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the slow attempt was abandoned, not awaited");
    }

    [Test]
    public void Every_attempt_timing_out_ends_as_ServiceUnavailableException()
    {
        using var client = FastClient(maxAttempts: 2, attemptTimeoutMilliseconds: 150);
        Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(10) });

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Message, Does.Contain("attempt timeout"));
        Assert.That(error.Attempts, Is.EqualTo(2));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Caller_cancellation_during_a_slow_request_ends_promptly()
    {
        using var client = FastClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(10) });
        var stopwatch = Stopwatch.StartNew();

        Assert.That(() => client.GetJobDetailsAsync("job-1", "tok", cancellation.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Error_code_in_type_with_a_namespace_prefix()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Error(400, "com.amazonaws.codepipeline#InvalidNonceException", "The nonce was already used."));

        var error = Assert.ThrowsAsync<InvalidNonceException>(() => client.AcknowledgeJobAsync("job-1", "nonce-5", "tok"));

        Assert.That(error!.ErrorCode, Is.EqualTo("InvalidNonceException"));
        Assert.That(error.Message, Does.StartWith("The nonce was already used."));
        Assert.That(error.Attempts, Is.EqualTo(1));
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "not retried");
    }

    [Test]
    public void Error_code_in_the_X_Amzn_ErrorType_header()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Json(400, """{"message":"No job with that id."}""", ("X-Amzn-ErrorType", "JobNotFoundException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/")));

        var error = Assert.ThrowsAsync<JobNotFoundException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.ErrorCode, Is.EqualTo("JobNotFoundException"));
        Assert.That(error.Message, Does.StartWith("No job with that id."));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("JobNotFoundException", typeof(JobNotFoundException))]
    [TestCase("InvalidClientTokenException", typeof(InvalidClientTokenException))]
    [TestCase("InvalidJobException", typeof(InvalidJobException))]
    [TestCase("InvalidJobStateException", typeof(InvalidJobStateException))]
    [TestCase("ActionTypeNotFoundException", typeof(ActionTypeNotFoundException))]
    [TestCase("ValidationException", typeof(ServiceValidationException))]
    public void Modeled_errors_arrive_typed_and_are_not_retried(string code, Type expected)
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Error(400, code, "nope"));

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => client.PutJobFailureResultAsync("job-1", "tok", new FailureDetails(FailureType.JobFailed, "m")));

        Assert.That(error, Is.TypeOf(expected));
        Assert.That(error!.ErrorCode, Is.EqualTo(code));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_unknown_error_code_keeps_its_code()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Error(400, "InvalidSignatureException", "The request signature we calculated does not match."));

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.GetType(), Is.EqualTo(typeof(ThirdPartyJobException)));
        Assert.That(error.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("this is not json")]
    [TestCase("""{"jobDetails":{"id":"j","nonce":"1","data":""")]
    [TestCase("""[{"jobDetails":{}}]""")]
    public void A_200_with_a_garbage_body_is_a_MalformedResponseException_and_not_retried(string body)
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Json(200, body));

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.RequestId, Does.StartWith("canned-"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a 200 arrived");
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_empty_200_body_is_an_answer_without_job_details()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Json(200, ""));

        Assert.That(await client.GetJobDetailsAsync("job-1", "tok"), Is.Null);
    }

    [Test]
    public void An_oversized_200_body_is_a_MalformedResponseException()
    {
        using var client = FastClient();
        Server.Reply(CannedResponse.Json(200, "{\"jobDetails\":{\"id\":\"j\",\"nonce\":\"1\",\"data\":{\"continuationToken\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}}"));

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Message, Does.Contain("larger than"));
        Assert.That(error.RequestId, Does.StartWith("canned-"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
