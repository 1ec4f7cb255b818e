using Microsoft.Extensions.Logging;
using NUnit.Framework;
using ThirdPartyJobs.Tests.Integration;
using ThirdPartyJobs.Tests.Support;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>
/// Everything the client and Polly's telemetry log, at Trace level, for successful, retried and
/// failed calls through the real SDK pipeline: formatted messages, structured values and
/// exceptions. No canary may appear.
/// </summary>
[TestFixture]
public sealed class CanaryLogTests
{
    private const string CanaryNonce = "CANARY-NONCE-42";

    private CannedHttpServer _server = null!;
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;
    private ThirdPartyJobClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new CannedHttpServer();
        _logs = new CapturingLoggerProvider();
        _loggerFactory = _logs.CreateFactory();
        _client = LoopbackClient.Create(_server.BaseUrl, LoopbackClient.FastOptions(maxAttempts: 3), _loggerFactory);
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _loggerFactory.Dispose();
        _server.Dispose();
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
        _server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails));

        var job = (await _client.GetJobDetailsAsync("job-1", Canaries.ClientToken))!;
        await _client.AcknowledgeJobAsync("job-1", CanaryNonce, Canaries.ClientToken).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.That(job.Data!.ArtifactCredentials!.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
        Assert.That(_logs.Entries.Select(e => e.EventId.Id), Does.Contain(1001).And.Contain(1002), "the client logged the call and its success");
        Assert.That(_logs.Entries.Any(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)), Is.True, "Polly's telemetry logged too");
        Assert.That(_logs.Entries.Min(e => e.Level), Is.EqualTo(LogLevel.Trace).Or.EqualTo(LogLevel.Debug));
    }

    [Test]
    public async Task A_retried_call()
    {
        _server.Reply(
            CannedResponse.Error(400, "ThrottlingException", Echo),
            CannedResponse.Error(500, "InternalFailure", Echo),
            CannedResponse.Json(200, SampleResponses.FullJobDetails));

        await _client.GetJobDetailsAsync("job-1", Canaries.ClientToken);

        Assert.That(_server.Requests, Has.Count.EqualTo(3));
        Assert.That(_logs.AllText(), Does.Contain("OnRetry"), "Polly logged its retries");
        Assert.That(_logs.AllText(), Does.Contain("Value '***' at 'clientToken'"), "the logged errors carry the scrubbed message");
    }

    [Test]
    public void Failed_calls()
    {
        _server.Reply(CannedResponse.Error(400, "ValidationException", EchoWithNonce));
        Assert.ThrowsAsync<ServiceValidationException>(() => _client.AcknowledgeJobAsync("job-1", CanaryNonce, Canaries.ClientToken));

        _server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails[..^30]));
        Assert.ThrowsAsync<MalformedResponseException>(() => _client.GetJobDetailsAsync("job-1", Canaries.ClientToken));

        _server.Reply(CannedResponse.Error(400, "ThrottlingException", Echo));
        Assert.ThrowsAsync<ThrottledException>(() => _client.PutJobSuccessResultAsync("job-1", Canaries.ClientToken, continuationToken: "c"));

        using (var impatient = LoopbackClient.Create(_server.BaseUrl, LoopbackClient.FastOptions(maxAttempts: 2, attemptTimeoutMilliseconds: 150), _loggerFactory))
        {
            _server.Reply(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(5) });
            Assert.ThrowsAsync<ServiceUnavailableException>(() => impatient.PutJobFailureResultAsync("job-1", Canaries.ClientToken, new FailureDetails(FailureType.JobFailed, "m")));
        }

        Assert.That(_logs.Entries.Count(e => e.EventId.Id == 1003), Is.EqualTo(4), "each failed call was logged once as a warning");
        Assert.That(_logs.Entries.Where(e => e.EventId.Id == 1003).Select(e => e.Level), Has.All.EqualTo(LogLevel.Debug)); // The caller gets the exception; the final failure is logged at Debug.
    }
}
