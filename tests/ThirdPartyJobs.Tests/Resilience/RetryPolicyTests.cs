using System.Net;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Resilience;

/// <summary>
/// The retry layer on a fake clock: attempt counts, exact backoff delays (observed by advancing
/// time step by step), jitter bounds, what is never retried, timeouts and cancellation. Nothing
/// here waits on the wall clock for timing.
/// </summary>
[TestFixture]
public sealed class RetryPolicyTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(59);
    private static readonly TimeSpan OverallTimeout = TimeSpan.FromMinutes(30);

    private ObservableTimeProvider _time = null!;
    private ScriptedTransport _transport = null!;
    private TimeSpan[] _timeouts = [];

    [SetUp]
    public void SetUp()
    {
        _time = new ObservableTimeProvider();
        _transport = new ScriptedTransport();
    }

    private CodePipelineThirdPartyJobClient Client(int maxAttempts = 5, bool jitter = false, TimeSpan? maxDelay = null, TimeSpan? attemptTimeout = null, TimeSpan? overallTimeout = null)
    {
        _timeouts = [attemptTimeout ?? AttemptTimeout, overallTimeout ?? OverallTimeout];
        return new CodePipelineThirdPartyJobClient(_transport.Object, new ThirdPartyJobsOptions
        {
            Retry =
            {
                MaxAttempts = maxAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(200),
                MaxDelay = maxDelay ?? TimeSpan.FromSeconds(10),
                UseJitter = jitter,
                AttemptTimeout = attemptTimeout ?? AttemptTimeout,
                OverallTimeout = overallTimeout ?? OverallTimeout,
            },
        }, null, _time);
    }

    // Built per attempt, as the transport builds them: complete, with the attempt's number.
    private static Func<TransportRequest, Exception> Throttle() =>
        request => new ThrottledException("Rate exceeded", new ServiceErrorDetails("GetThirdPartyJobDetails", "ThrottlingException", "req", HttpStatusCode.BadRequest, "job-1", request.Attempt));

    private static Func<TransportRequest, Exception> Unavailable(HttpStatusCode status = HttpStatusCode.InternalServerError) =>
        request => new ServiceUnavailableException("Internal failure", new ServiceErrorDetails("GetThirdPartyJobDetails", "InternalFailure", "req", status, "job-1", request.Attempt));

    // Timers other than the attempt and overall timeouts are backoff delays (tests keep the values distinct).
    private bool IsBackoff(TimeSpan due) => !_timeouts.Contains(due);

    /// <summary>Waits for the next backoff delay to be scheduled, checks it, and shows that the next attempt starts exactly when it ends.</summary>
    private async Task ExpectNextAttemptAfter(TimeSpan delay)
    {
        var scheduled = await _time.NextScheduledAsync(IsBackoff);
        Assert.That(scheduled, Is.EqualTo(delay), "backoff delay");
        var before = _transport.Attempts;

        _time.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.That(_transport.Attempts, Is.EqualTo(before), $"no attempt before {delay.TotalMilliseconds} ms have passed");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _transport.NextAttemptAsync();
        Assert.That(_transport.Attempts, Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Throttled_twice_then_success_takes_three_attempts()
    {
        using var client = Client();
        _transport.ThenThrow(Throttle()).ThenThrow(Throttle()).ThenReturn(SampleResponses.MinimalJobDetails);

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200));
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(400));

        var job = await call;
        Assert.That(job!.Id, Is.EqualTo(SampleResponses.JobId));
        Assert.That(_transport.Attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task Throttled_forever_throws_ThrottledException_after_MaxAttempts_with_exact_capped_delays()
    {
        using var client = Client(maxAttempts: 7, maxDelay: TimeSpan.FromMilliseconds(1000));
        _transport.ThenThrow(Throttle());

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        foreach (var milliseconds in new[] { 200, 400, 800, 1000, 1000, 1000 })
        {
            await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(milliseconds));
        }

        var error = Assert.ThrowsAsync<ThrottledException>(() => call);
        Assert.That(error!.Attempts, Is.EqualTo(7));
        Assert.That(error.ErrorCode, Is.EqualTo("ThrottlingException"));
        Assert.That(_transport.Attempts, Is.EqualTo(7));
        Assert.That(_time.Scheduled.Count(IsBackoff), Is.EqualTo(6), "no delay after the last attempt");
    }

    [Test]
    public async Task Default_delays_double_from_200_ms()
    {
        using var client = Client(maxAttempts: 6);
        _transport.ThenThrow(Unavailable());

        var call = client.PutJobSuccessResultAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        foreach (var milliseconds in new[] { 200, 400, 800, 1600, 3200 })
        {
            await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(milliseconds));
        }

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => call);
        Assert.That(error!.Attempts, Is.EqualTo(6));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task A_5xx_then_success_takes_two_attempts(HttpStatusCode status)
    {
        using var client = Client();
        _transport.ThenThrow(Unavailable(status)).ThenReturn(SampleResponses.AcknowledgedInProgress);

        var call = client.AcknowledgeJobAsync("job-1", "nonce", "tok");
        await _transport.NextAttemptAsync();
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200));

        Assert.That(await call, Is.SameAs(JobStatus.InProgress));
        Assert.That(_transport.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Jittered_delays_stay_within_bounds_and_are_not_the_fixed_sequence()
    {
        var maxDelay = TimeSpan.FromSeconds(2);
        using var client = Client(maxAttempts: 10, jitter: true, maxDelay: maxDelay);
        _transport.ThenThrow(Throttle());

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        var delays = new List<TimeSpan>();
        for (var retry = 0; retry < 9; retry++)
        {
            var delay = await _time.NextScheduledAsync(IsBackoff);
            delays.Add(delay);
            Assert.That(delay, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(maxDelay), $"retry {retry + 1}");
            _time.Advance(delay);
            await _transport.NextAttemptAsync();
        }

        Assert.ThrowsAsync<ThrottledException>(() => call);
        Assert.That(_transport.Attempts, Is.EqualTo(10));
        var fixedSequence = new[] { 200, 400, 800, 1600, 2000, 2000, 2000, 2000, 2000 }.Select(ms => TimeSpan.FromMilliseconds(ms));
        Assert.That(delays, Is.Not.EqualTo(fixedSequence), "jitter changes the delays");
    }

    private static IEnumerable<TestCaseData> Verdicts()
    {
        var details = new ServiceErrorDetails("GetThirdPartyJobDetails", "X", "req", HttpStatusCode.BadRequest, "job-1");
        yield return new TestCaseData(new ServiceValidationException("bad", details)).SetName("{m}(validation)");
        yield return new TestCaseData(new JobNotFoundException("gone", details)).SetName("{m}(not found)");
        yield return new TestCaseData(new InvalidClientTokenException("token", details)).SetName("{m}(invalid token)");
        yield return new TestCaseData(new InvalidJobException("job", details)).SetName("{m}(invalid job)");
        yield return new TestCaseData(new InvalidNonceException("nonce", details)).SetName("{m}(nonce)");
        yield return new TestCaseData(new InvalidJobStateException("state", details)).SetName("{m}(state)");
        yield return new TestCaseData(new ActionTypeNotFoundException("type", details)).SetName("{m}(action type)");
        yield return new TestCaseData(new MalformedResponseException("garbage", details)).SetName("{m}(malformed)");
        yield return new TestCaseData(new ThirdPartyJobException("InvalidSignatureException", details)).SetName("{m}(unknown code)");
    }

    [TestCaseSource(nameof(Verdicts))]
    public void The_services_verdicts_are_never_retried(ThirdPartyJobException verdict)
    {
        using var client = Client();
        _transport.ThenThrow(verdict);

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error, Is.SameAs(verdict));
        Assert.That(error!.Attempts, Is.EqualTo(1));
        Assert.That(_transport.Attempts, Is.EqualTo(1));
        Assert.That(_time.Scheduled.Where(IsBackoff), Is.Empty, "no backoff was even scheduled");
    }

    [Test]
    public void An_unexpected_exception_from_the_transport_is_not_retried()
    {
        using var client = Client();
        _transport.ThenThrow(new InvalidOperationException("bug"));

        Assert.ThrowsAsync<InvalidOperationException>(() => client.GetJobDetailsAsync("job-1", "tok"));
        Assert.That(_transport.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task An_attempt_that_times_out_is_retried()
    {
        var attemptTimeout = TimeSpan.FromSeconds(5);
        using var client = Client(attemptTimeout: attemptTimeout);
        _transport.ThenHang().ThenReturn(SampleResponses.MinimalJobDetails);

        var call = client.GetJobDetailsAsync("job-1", "tok");
        var first = await _transport.NextAttemptAsync();
        Assert.That(await _time.NextScheduledAsync(due => due == attemptTimeout), Is.EqualTo(attemptTimeout));

        _time.Advance(attemptTimeout - TimeSpan.FromMilliseconds(1));
        Assert.That(call.IsCompleted, Is.False);
        Assert.That(_transport.Attempts, Is.EqualTo(1));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200));

        Assert.That((await call)!.Id, Is.EqualTo(SampleResponses.JobId));
        Assert.That(first.Operation, Is.EqualTo("GetThirdPartyJobDetails"));
    }

    [Test]
    public async Task Every_attempt_timing_out_ends_as_ServiceUnavailableException()
    {
        var attemptTimeout = TimeSpan.FromSeconds(5);
        using var client = Client(maxAttempts: 3, attemptTimeout: attemptTimeout);
        _transport.ThenHang();

        var call = client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _transport.NextAttemptAsync();
            await _time.NextScheduledAsync(due => due == attemptTimeout);
            _time.Advance(attemptTimeout);
            if (attempt < 3)
            {
                _time.Advance(await _time.NextScheduledAsync(IsBackoff));
            }
        }

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => call);
        Assert.That(error!.Message, Does.StartWith("CodePipeline did not answer within the attempt timeout of 5 s."));
        Assert.That(error.Attempts, Is.EqualTo(3));
        Assert.That(error.Operation, Is.EqualTo("PollForThirdPartyJobs"));
        Assert.That(_transport.Attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task The_overall_timeout_ends_the_call_even_between_attempts()
    {
        using var client = Client(maxAttempts: 10, attemptTimeout: TimeSpan.FromSeconds(2), overallTimeout: TimeSpan.FromSeconds(3));
        _transport.ThenHang();

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        await _time.NextScheduledAsync(due => due == TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));                  // attempt 1 times out at 2 s
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200)); // attempt 2 starts at 2.2 s
        _time.Advance(TimeSpan.FromMilliseconds(799));
        Assert.That(call.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromMilliseconds(1));              // 3 s: the overall timeout

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => call);
        Assert.That(error!.Message, Does.StartWith("CodePipeline did not answer within the overall timeout of 3 s."));
        Assert.That(error.Attempts, Is.EqualTo(2));
        Assert.That(error.JobId, Is.EqualTo("job-1"));
    }

    [Test]
    public async Task The_overall_timeout_also_cuts_a_backoff_delay_short()
    {
        using var client = Client(maxAttempts: 10, maxDelay: TimeSpan.FromSeconds(10), attemptTimeout: TimeSpan.FromSeconds(1), overallTimeout: TimeSpan.FromSeconds(2));
        _transport.ThenThrow(Throttle());

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        foreach (var milliseconds in new[] { 200, 400, 800 })
        {
            await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(milliseconds)); // attempts at 0.2, 0.6, 1.4 s
        }

        Assert.That(await _time.NextScheduledAsync(IsBackoff), Is.EqualTo(TimeSpan.FromMilliseconds(1600)));
        _time.Advance(TimeSpan.FromMilliseconds(600));                          // 2.0 s, inside the 1.6 s delay

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => call);
        Assert.That(error!.Message, Does.Contain("overall timeout"));
        Assert.That(_transport.Attempts, Is.EqualTo(4));
    }

    [Test]
    public async Task Caller_cancellation_during_a_backoff_ends_promptly_without_further_attempts()
    {
        using var client = Client();
        using var cancellation = new CancellationTokenSource();
        _transport.ThenThrow(Throttle());

        var call = client.GetJobDetailsAsync("job-1", "tok", cancellation.Token);
        await _transport.NextAttemptAsync();
        await _time.NextScheduledAsync(IsBackoff);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await cancellation.CancelAsync();

        // No fake time passes: the call must end on its own.
        Assert.That(() => call.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(_transport.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Caller_cancellation_during_an_attempt_is_not_retried()
    {
        using var client = Client();
        using var cancellation = new CancellationTokenSource();
        _transport.ThenHang();

        var call = client.GetJobDetailsAsync("job-1", "tok", cancellation.Token);
        await _transport.NextAttemptAsync();
        await cancellation.CancelAsync();

        Assert.That(() => call.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(_transport.Attempts, Is.EqualTo(1));
    }

    [Test]
    public void An_already_cancelled_token_fails_fast()
    {
        using var client = Client();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        _transport.Then((_, token) => Task.FromCanceled<ThirdPartyJobs.Protocol.TransportResponse>(token));

        Assert.That(() => client.GetJobDetailsAsync("job-1", "tok", cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_transport.Attempts, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task A_malformed_answer_after_retries_reports_every_attempt_and_is_logged_as_a_failure()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        using var client = new CodePipelineThirdPartyJobClient(_transport.Object, new ThirdPartyJobsOptions { Retry = { UseJitter = false, AttemptTimeout = AttemptTimeout } }, loggerFactory, _time);
        _timeouts = [AttemptTimeout, TimeSpan.FromSeconds(90)];
        _transport.ThenThrow(Throttle()).ThenThrow(Throttle()).ThenReturn("""{"jobDetails":""");

        var call = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200));
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(400));

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => call);
        Assert.That(error!.Attempts, Is.EqualTo(3), "three attempts were made before the error was reported");
        Assert.That(logs.Entries.Where(e => e.EventId.Id == 1003).Select(e => e.Exception), Has.One.Contains(nameof(MalformedResponseException)));
        Assert.That(logs.Entries.Where(e => e.EventId.Id == 1002), Is.Empty, "a call that failed is not logged as succeeded");
    }

    [Test]
    public void MaxAttempts_1_turns_retries_off()
    {
        using var client = Client(maxAttempts: 1);
        _transport.ThenThrow(Throttle());

        var error = Assert.ThrowsAsync<ThrottledException>(() => client.GetJobDetailsAsync("job-1", "tok"));

        Assert.That(error!.Attempts, Is.EqualTo(1));
        Assert.That(_transport.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Each_call_has_its_own_attempt_count()
    {
        using var client = Client();
        _transport.ThenThrow(Throttle()).ThenReturn(SampleResponses.MinimalJobDetails);

        var first = client.GetJobDetailsAsync("job-1", "tok");
        await _transport.NextAttemptAsync();
        await ExpectNextAttemptAfter(TimeSpan.FromMilliseconds(200));
        await first;

        _transport.ThenThrow(new JobNotFoundException("gone", default));
        var error = Assert.ThrowsAsync<JobNotFoundException>(() => client.GetJobDetailsAsync("job-1", "tok"));
        Assert.That(error!.Attempts, Is.EqualTo(1));
    }
}
