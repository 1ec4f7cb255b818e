using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

/// <summary>
/// Handlers that ignore their cancellation token (one blocking call without a timeout is enough):
/// the worker reports without them, at the deadline and at shutdown, and frees their slots.
/// </summary>
public sealed class HungHandlerTests
{
    /// <summary>A handler that waits for <paramref name="release"/> and ignores its token.</summary>
    private static Func<JobContext, CancellationToken, Task<JobOutcome>> IgnoreToken(Task<JobOutcome> release) => (_, _) => release;

    /// <summary>The deadline arrangement: a one-minute job timeout; every job's handler but job-3's waits for <paramref name="release"/> ignoring its token, job-3's succeeds at once.</summary>
    private static Task<WorkerHarness> StartWithHungJobsAsync(int maxConcurrency, TimeSpan? safetyMargin, Task<JobOutcome> release, params string[] jobIds) =>
        WorkerHarness.StartAsync(
            options =>
            {
                options.MaxConcurrency = maxConcurrency;
                options.JobTimeout = TimeSpan.FromMinutes(1);
                options.TimeoutSafetyMargin = safetyMargin ?? options.TimeoutSafetyMargin;
            },
            beforeStart: h =>
            {
                h.Handler.OnHandle = (context, _) => context.JobId == "job-3" ? Task.FromResult(JobOutcome.Succeeded()) : release;
                foreach (var jobId in jobIds)
                {
                    h.Service.AddJob(jobId: jobId);
                }
            });

    [Test]
    public async Task At_the_deadline_a_hung_handler_is_reported_failed_its_slot_freed_and_its_late_success_only_logged()
    {
        var release = new TaskCompletionSource<JobOutcome>();
        await using var harness = await StartWithHungJobsAsync(maxConcurrency: 2, TimeSpan.FromSeconds(10), release.Task, "job-1", "job-2");
        await Eventually.UntilAsync(() => harness.Handler.Started == 2, "both slots run a hung handler");
        harness.Service.AddJob(jobId: "job-3");
        var claimedAt = harness.Handler.Contexts[0].ClaimedAt;

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1 && harness.Statistics.HandlersDetached == 2, WorkerHarness.Step, TimeSpan.FromMinutes(2), "the third job runs in a freed slot");

        var failures = harness.Service.Reports.Where(r => r.JobId != "job-3").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failures.Select(r => r.Failure), Has.All.EqualTo(new FailureDetails(FailureType.JobFailed, "The job did not finish within the worker's time limit of 50 s.")));
            Assert.That(failures, Has.Count.EqualTo(2));
            Assert.That(failures.Select(r => r.At - claimedAt), Has.All.InRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(51) + WorkerHarness.Step), "at the deadline, plus at most a second for the handler to answer");
            Assert.That(harness.Logs.WithEventId(2034).Select(e => e.Value("JobId")), Is.EquivalentTo(new[] { "job-1", "job-2" }));
            Assert.That(harness.Statistics.JobsTimedOut, Is.EqualTo(2));
            Assert.That(harness.Statistics.HandlersDetached, Is.EqualTo(2), "the two handlers still run, detached");
            Assert.That(harness.Logs.WithEventId(2060).Last().Value("Detached"), Is.EqualTo("2"));
        });

        release.SetResult(JobOutcome.Succeeded());
        await Eventually.UntilAsync(() => harness.Statistics.HandlersDetached == 0 && harness.Logs.WithEventId(2062).Count() == 2, "the detached handlers end");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports, Has.Count.EqualTo(3), "a late result is never reported");
            Assert.That(harness.Logs.WithEventId(2062).Count(), Is.EqualTo(2), "a late success after a failure report is a warning");
            Assert.That(harness.Logs.WithEventId(2062).Select(e => e.Level), Has.All.EqualTo(LogLevel.Warning));
        });
    }

    [Test]
    public async Task A_late_exception_of_a_detached_handler_is_logged_and_not_reported()
    {
        var release = new TaskCompletionSource<JobOutcome>();
        await using var harness = await WorkerHarness.StartAsync(
            options => options.JobTimeout = TimeSpan.FromMinutes(1),
            beforeStart: h =>
            {
                h.Handler.OnHandle = IgnoreToken(release.Task);
                h.Service.AddJob(jobId: "job-late");
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the handler runs");
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.HandlersDetached == 1, WorkerHarness.Step, TimeSpan.FromMinutes(1), "the deadline failure is reported and the handler detached");

        release.SetException(new InvalidOperationException(Canary.ExceptionMessage));
        await Eventually.UntilAsync(() => harness.Statistics.HandlersDetached == 0, "the detached handler ends");

        var late = harness.Logs.WithEventId(2061).Single();
        Assert.Multiple(() =>
        {
            Assert.That(late.Value("JobId"), Is.EqualTo("job-late"));
            Assert.That(late.Value("Result"), Is.EqualTo("InvalidOperationException"));
            Assert.That(harness.Service.Reports, Has.Count.EqualTo(1));
            Assert.That(Canary.FoundIn(harness.Logs.AllText()), Is.Empty, "a late exception is logged by type");
        });
    }

    [Test]
    public async Task At_shutdown_hung_handlers_are_reported_when_the_grace_period_is_over()
    {
        var (harness, stopping) = await WorkerHarness.StartThenStopAsync(2, TimeSpan.FromSeconds(5), IgnoreToken(new TaskCompletionSource<JobOutcome>().Task), CancellationToken.None);
        await using var owned = harness;
        var stopStarted = harness.Time.GetUtcNow(); // fake time has not moved since the stop began
        await Eventually.AdvanceUntilAsync(harness.Time, () => stopping.IsCompleted, WorkerHarness.Step, TimeSpan.FromSeconds(30), "the worker stops although its handlers never end");
        await stopping;

        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.EqualTo(2));
            Assert.That(reports.Select(r => r.Failure), Has.All.EqualTo(new FailureDetails(FailureType.JobFailed, "The job was stopped because the job worker is shutting down.")));
            Assert.That(reports.Select(r => r.At - stopStarted), Has.All.InRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6) + (3 * WorkerHarness.Step)), "within the grace period plus a second for the handlers to answer");
            Assert.That(harness.Statistics.JobsCancelledForShutdown, Is.EqualTo(2));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
            Assert.That(harness.Statistics.HandlersDetached, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task At_shutdown_when_the_host_stops_waiting_hung_handlers_are_reported_before_StopAsync_returns()
    {
        using var hostGivesUp = new CancellationTokenSource();
        var (harness, stopping) = await WorkerHarness.StartThenStopAsync(3, TimeSpan.FromMinutes(5), IgnoreToken(new TaskCompletionSource<JobOutcome>().Task), hostGivesUp.Token);
        await using var owned = harness;
        await hostGivesUp.CancelAsync();
        await stopping;

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports, Has.Count.EqualTo(3), "reported before StopAsync returned, without fake time passing");
            Assert.That(harness.Statistics.JobsCancelledForShutdown, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Beyond_the_limit_of_detached_handlers_a_job_keeps_its_slot_until_its_handler_ends()
    {
        var release = new TaskCompletionSource<JobOutcome>();
        await using var harness = await StartWithHungJobsAsync(maxConcurrency: 1, null, release.Task, "job-1", "job-2", "job-3");

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Logs.WithEventId(2063).Any(), WorkerHarness.Step, TimeSpan.FromMinutes(3), "the second hung handler reaches the limit");
        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(2), WorkerHarness.Step);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Select(r => r.JobId), Is.EqualTo(new[] { "job-1", "job-2" }), "both reported at their deadlines");
            Assert.That(harness.Handler.Started, Is.EqualTo(2), "job-3 waits: the slot stays with the detached handler beyond the limit");
            Assert.That(harness.Statistics.HandlersDetached, Is.EqualTo(2));
            Assert.That(harness.Logs.WithEventId(2063).Single().Value("Limit"), Is.EqualTo("1"));
        });

        release.SetResult(JobOutcome.Succeeded());
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, WorkerHarness.Step, TimeSpan.FromMinutes(1), "job-3 runs once a detached handler ends");
    }
}
