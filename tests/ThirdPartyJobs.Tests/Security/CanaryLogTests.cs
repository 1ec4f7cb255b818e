using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Tests.Integration;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>
/// Everything the client and Polly's telemetry log, at Trace level, for successful, retried and
/// failed calls through the real SDK pipeline: formatted messages, structured values and
/// exceptions. No canary may appear.
/// </summary>
[TestFixture]
public sealed class CanaryLogTests : LoopbackFixture
{
    private const string CanaryNonce = "CANARY-NONCE-42";

    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    protected override ThirdPartyJobsOptions ClientOptions => LoopbackClient.FastOptions(maxAttempts: 3);

    protected override ILoggerFactory ClientLoggerFactory => _loggerFactory;

    [SetUp]
    public void SetUp()
    {
        _logs = new CapturingLoggerProvider();
        _loggerFactory = _logs.CreateFactory();
    }

    // Runs before the fixture's own TearDown: the client has logged all it will by now.
    [TearDown]
    public void TearDown()
    {
        _loggerFactory.Dispose();
        _logs.Dispose();
        var text = _logs.AllText();
        Assert.That(Canaries.Leaks(text), Is.False, () => "the logs leak a secret:\n" + text);
    }

    // What a service might echo: the request's own secrets (the nonce only travels with AcknowledgeThirdPartyJob).
    private static string Echo => $"Value '{Canaries.ClientToken}' at 'clientToken' failed";

    private static string EchoWithNonce => Echo + $"; nonce '{CanaryNonce}'";

    [Test]
    public async Task A_successful_call()
    {
        Server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails));

        var job = (await Client.GetJobDetailsAsync("job-1", Canaries.ClientToken))!;
        await Client.AcknowledgeJobAsync("job-1", CanaryNonce, Canaries.ClientToken).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.That(job.Data!.ArtifactCredentials!.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
        Assert.That(_logs.Entries.Select(e => e.EventId.Id), Does.Contain(1001).And.Contain(1002), "the client logged the call and its success");
        Assert.That(_logs.Entries.Any(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)), Is.False, "Polly's own per-attempt entries are off: the client logs its retries itself");
        Assert.That(_logs.Entries.Min(e => e.Level), Is.EqualTo(LogLevel.Trace).Or.EqualTo(LogLevel.Debug));
    }

    [Test]
    public async Task A_retried_call()
    {
        Server.Reply(
            CannedResponse.Error(400, "ThrottlingException", Echo),
            CannedResponse.Error(500, "InternalFailure", Echo),
            CannedResponse.Json(200, SampleResponses.FullJobDetails));

        await Client.GetJobDetailsAsync("job-1", Canaries.ClientToken);

        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(_logs.Entries.Where(e => e.EventId.Id == 1004).Select(e => e.Message), Is.EqualTo(new[]
        {
            "GetThirdPartyJobDetails: attempt 1 of 3 failed with ThrottlingException; retrying in 5 ms",
            "GetThirdPartyJobDetails: attempt 2 of 3 failed with InternalFailure; retrying in 10 ms",
        }), "one line per retry");
        Assert.That(_logs.AllText(), Does.Not.Contain("at 'clientToken'"), "retry lines carry the error code, never the service's message");
    }

    [Test]
    public void Failed_calls()
    {
        Server.Reply(CannedResponse.Error(400, "ValidationException", EchoWithNonce));
        Assert.ThrowsAsync<ServiceValidationException>(() => Client.AcknowledgeJobAsync("job-1", CanaryNonce, Canaries.ClientToken));

        Server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails[..^30]));
        Assert.ThrowsAsync<MalformedResponseException>(() => Client.GetJobDetailsAsync("job-1", Canaries.ClientToken));

        Server.Reply(CannedResponse.Error(400, "ThrottlingException", Echo));
        Assert.ThrowsAsync<ThrottledException>(() => Client.PutJobSuccessResultAsync("job-1", Canaries.ClientToken, continuationToken: "c"));

        using (var impatient = NewClient(LoopbackClient.FastOptions(maxAttempts: 2, attemptTimeoutMilliseconds: 150), _loggerFactory))
        {
            Server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(5) });
            Assert.ThrowsAsync<ServiceUnavailableException>(() => impatient.PutJobFailureResultAsync("job-1", Canaries.ClientToken, new FailureDetails(FailureType.JobFailed, "m")));
        }

        Assert.That(_logs.Entries.Count(e => e.EventId.Id == 1003), Is.EqualTo(4), "each failed call was logged once as a warning");
        Assert.That(_logs.Entries.Where(e => e.EventId.Id == 1003).Select(e => e.Level), Has.All.EqualTo(LogLevel.Debug)); // The caller gets the exception; the final failure is logged at Debug.
    }
}
