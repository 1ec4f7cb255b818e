using System.Net;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Tests.Resilience;

/// <summary>
/// What a retried or failed call logs at the default level (Information): one Warning line per
/// retry (operation, attempt, delay, error code), no stack trace, nothing per attempt on success,
/// nothing from Polly itself, never "(null)". The counts are the figures of issue 13's closing note.
/// </summary>
[TestFixture]
public sealed class RetryLoggingTests
{
    private ObservableTimeProvider _time = null!;
    private ScriptedTransport _transport = null!;
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new ObservableTimeProvider();
        _transport = new ScriptedTransport();
        _logs = new CapturingLoggerProvider();

        // No minimum level set: the logging default (Information), as an application has it.
        _loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs));
    }

    [TearDown]
    public void TearDown()
    {
        _loggerFactory.Dispose();
        _logs.Dispose();
    }

    private CodePipelineThirdPartyJobClient Client(Action<ThirdPartyJobsRetryOptions>? configure = null)
    {
        var options = new ThirdPartyJobsOptions { Retry = { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } };
        configure?.Invoke(options.Retry);
        return new CodePipelineThirdPartyJobClient(_transport.Object, options, _loggerFactory, _time);
    }

    private static ServiceUnavailableException Unavailable() =>
        new("Internal failure", new ServiceErrorDetails("GetThirdPartyJobDetails", "InternalFailure", "req", HttpStatusCode.InternalServerError, "job-1"));

    /// <summary>Lines as a console logger would print them: the message, then the exception's text if any.</summary>
    private int PrintedLines() => _logs.Entries.Sum(entry => 1 + (entry.Exception?.Split('\n').Length ?? 0));

    [Test]
    public void A_failed_call_with_the_default_five_attempts_logs_four_lines()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            _transport.ThenThrow(Unavailable());
        }

        Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        TestContext.Out.WriteLine($"failed call, 5 attempts: {_logs.Entries.Count} entries, {PrintedLines()} printed lines");
        Assert.Multiple(() =>
        {
            Assert.That(_logs.Entries.Select(e => e.Message), Is.EqualTo(Enumerable.Range(1, 4).Select(attempt =>
                $"GetThirdPartyJobDetails: attempt {attempt} of 5 failed with InternalFailure; retrying in 0 ms")));
            Assert.That(_logs.Entries.Select(e => e.Level), Is.All.EqualTo(LogLevel.Warning));
            Assert.That(_logs.Entries.Select(e => e.EventId.Id), Is.All.EqualTo(1004));
            Assert.That(_logs.Entries.Select(e => e.Exception), Is.All.Null, "no stack trace for an expected transient failure");
            Assert.That(PrintedLines(), Is.EqualTo(4), "one printed line per retry, none for the final failure (the caller has it)");
        });
    }

    [Test]
    public void A_call_that_is_not_retried_logs_nothing_at_the_default_level()
    {
        using var client = Client();
        _transport.ThenThrow(new JobNotFoundException("No job", new ServiceErrorDetails("GetThirdPartyJobDetails", "JobNotFoundException", "req", HttpStatusCode.BadRequest, "job-1")));

        Assert.ThrowsAsync<JobNotFoundException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(_logs.Entries, Is.Empty);
    }

    [Test]
    public async Task A_successful_call_logs_nothing_at_the_default_level_and_Polly_logs_nothing_at_any()
    {
        using var verbose = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        using var client = new CodePipelineThirdPartyJobClient(_transport.Object, new ThirdPartyJobsOptions(), verbose, _time);
        _transport.ThenReturn(SampleResponses.MinimalJobDetails);

        await client.GetJobDetailsAsync("job-1", "tok");

        Assert.Multiple(() =>
        {
            Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Information), Is.Empty, "no per-attempt Information entry");
            Assert.That(_logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)), Is.Empty);
            Assert.That(_logs.Entries.Select(e => e.EventId.Id), Is.EquivalentTo(new[] { 1001, 1002 }), "the client's own Debug lines only");
        });
    }

    [Test]
    public async Task The_retry_line_names_the_delay_and_a_timed_out_attempt()
    {
        using var client = Client(retry =>
        {
            retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            retry.MaxDelay = TimeSpan.FromSeconds(10);
            retry.UseJitter = false;
            retry.AttemptTimeout = TimeSpan.FromSeconds(7);
        });
        _transport.ThenHang().ThenReturn(SampleResponses.MinimalJobDetails);

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        _time.Advance(await _time.NextScheduledAsync(due => due == TimeSpan.FromSeconds(7)));
        _time.Advance(await _time.NextScheduledAsync(due => due == TimeSpan.FromMilliseconds(200)));
        await call;

        var line = _logs.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.Message, Is.EqualTo("GetThirdPartyJobDetails: attempt 1 of 5 failed with AttemptTimeout; retrying in 200 ms"));
            Assert.That(line.Values, Does.Contain("Operation=GetThirdPartyJobDetails").And.Contain("Attempt=1").And.Contain("DelayMilliseconds=200").And.Contain("ErrorCode=AttemptTimeout"));
            Assert.That(_logs.AllText(), Does.Not.Contain("(null)"));
        });
    }

    [Test]
    public void Every_operation_is_named_in_its_retry_lines()
    {
        using var client = Client(retry => retry.MaxAttempts = 2);
        _transport
            .ThenThrow(new ThrottledException("Rate exceeded", new ServiceErrorDetails("PollForThirdPartyJobs", "ThrottlingException", "req", HttpStatusCode.BadRequest)))
            .ThenThrow(new ThrottledException("Rate exceeded", new ServiceErrorDetails("PollForThirdPartyJobs", "ThrottlingException", "req", HttpStatusCode.BadRequest)))
            .ThenThrow(new ServiceUnavailableException("Connection refused", new ServiceErrorDetails("AcknowledgeThirdPartyJob", JobId: "job-1")))
            .ThenThrow(new ServiceUnavailableException("Connection refused", new ServiceErrorDetails("AcknowledgeThirdPartyJob", JobId: "job-1")));

        Assert.ThrowsAsync<ThrottledException>(() => client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1));
        Assert.ThrowsAsync<ServiceUnavailableException>(() => client.AcknowledgeJobAsync("job-1", "nonce", "tok"));

        Assert.That(_logs.Entries.Select(e => e.Message), Is.EqualTo(new[]
        {
            "PollForThirdPartyJobs: attempt 1 of 2 failed with ThrottlingException; retrying in 0 ms",
            "AcknowledgeThirdPartyJob: attempt 1 of 2 failed with NoResponse; retrying in 0 ms",
        }));
    }

    [Test]
    public void A_call_to_a_closed_port_logs_one_line_per_retry_and_no_stack_trace()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Integration.LoopbackClient.Create($"http://127.0.0.1:{port}", Integration.LoopbackClient.FastOptions(maxAttempts: 5), _loggerFactory);

        Assert.ThrowsAsync<ServiceUnavailableException>(() => client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1));

        TestContext.Out.WriteLine($"closed port, 5 attempts: {_logs.Entries.Count} entries, {PrintedLines()} printed lines");
        Assert.Multiple(() =>
        {
            Assert.That(_logs.Entries.Select(e => e.Message), Is.EqualTo(new[]
            {
                "PollForThirdPartyJobs: attempt 1 of 5 failed with NoResponse; retrying in 5 ms",
                "PollForThirdPartyJobs: attempt 2 of 5 failed with NoResponse; retrying in 10 ms",
                "PollForThirdPartyJobs: attempt 3 of 5 failed with NoResponse; retrying in 20 ms",
                "PollForThirdPartyJobs: attempt 4 of 5 failed with NoResponse; retrying in 20 ms",
            }));
            Assert.That(PrintedLines(), Is.EqualTo(4), "issue 13 measured 63 lines (9 Polly entries with stack traces) for this before the shared retry layer");
        });
    }
}

/// <summary>The shared retry layer builds one pipeline per operation, once, named for it.</summary>
[TestFixture]
public sealed class RetryPipelineTests
{
    [Test]
    public void Each_operation_gets_one_pipeline_built_once()
    {
        var pipelines = ThirdPartyJobs.Resilience.ResiliencePipelineFactory.Create(new ThirdPartyJobsRetryOptions(), TimeProvider.System, null);

        var first = pipelines.For("GetThirdPartyJobDetails");

        Assert.That(pipelines.For("GetThirdPartyJobDetails"), Is.SameAs(first));
        Assert.That(pipelines.For("GetThirdPartyJobDetails"), Is.Not.SameAs(pipelines.For("PollForThirdPartyJobs")));
    }
}
