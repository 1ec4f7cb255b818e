namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class ShutdownTests
{
    [Test]
    public async Task Stopping_stops_polling_at_once_and_reports_jobs_still_running_after_the_grace_period()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.ShutdownGracePeriod = TimeSpan.FromSeconds(15),
            beforeStart: h =>
            {
                h.Handler.OnHandle = TestHandler.RunUntilCancelled();
                h.Service.AddJobs(3);
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 3, "three jobs run");
        var pollsBeforeStop = harness.Service.Polls;
        var stopStarted = harness.Time.GetUtcNow();

        var stopping = harness.BeginStopAsync();
        await Eventually.UntilAsync(() => harness.Logs.WithEventId(2002).Any(), "the worker begins stopping");
        harness.Service.AddJobs(2);
        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(14), WorkerHarness.Step);
        Assert.That(harness.Service.Reports, Is.Empty, "within the grace period, jobs keep running");

        await Eventually.AdvanceUntilAsync(harness.Time, () => stopping.IsCompleted, WorkerHarness.Step, TimeSpan.FromSeconds(5), "the worker stops");
        await stopping;

        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Polls, Is.EqualTo(pollsBeforeStop), "no poll after stopping");
            Assert.That(harness.Service.PendingCount, Is.EqualTo(2), "new jobs are left for other workers");
            Assert.That(reports, Has.Count.EqualTo(3));
            Assert.That(reports.Select(r => r.Failure), Has.All.EqualTo(new FailureDetails(FailureType.JobFailed, "The job was stopped because the job worker is shutting down.")));
            
            // Never before the grace period is over; the upper bound allows for the test's
            // fake-time steps racing the worker's threads.
            Assert.That(reports.Select(r => r.At - stopStarted), Has.All.InRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15) + (3 * WorkerHarness.Step)), "reported when the grace period is over");
            Assert.That(harness.Statistics.JobsCancelledForShutdown, Is.EqualTo(3));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
            Assert.That(harness.Logs.WithEventId(2003).Single().Value("Count"), Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task Jobs_that_finish_within_the_grace_period_report_their_own_outcome()
    {
        var release = new TaskCompletionSource();
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = TestHandler.WaitFor(release.Task);
            h.Service.AddJobs(2);
        });
        await Eventually.UntilAsync(() => harness.Handler.Started == 2, "two jobs run");

        var stopping = harness.BeginStopAsync();
        await Eventually.UntilAsync(() => harness.Logs.WithEventId(2002).Any(), "the worker begins stopping");
        release.SetResult();
        await stopping;

        Assert.Multiple(() =>
        {
            Assert.That(harness.Statistics.JobsSucceeded, Is.EqualTo(2));
            Assert.That(harness.Statistics.JobsCancelledForShutdown, Is.Zero);
            Assert.That(harness.Logs.WithEventId(2003), Is.Empty);
        });
    }

    [Test]
    public async Task A_handler_cancelled_by_shutdown_may_report_ContinueLater()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.ShutdownGracePeriod = TimeSpan.Zero,
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (_, token) =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    return JobOutcome.ContinueLater("checkpoint-9");
                };
                h.Service.AddJob();
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the job runs");

        await harness.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().ContinuationToken, Is.EqualTo("checkpoint-9"));
            Assert.That(harness.Statistics.JobsContinued, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task When_the_host_stops_waiting_early_handlers_are_cancelled_and_reported_at_once()
    {
        using var hostGivesUp = new CancellationTokenSource();
        var (harness, stopping) = await WorkerHarness.StartThenStopAsync(4, TimeSpan.FromMinutes(5), TestHandler.RunUntilCancelled(), hostGivesUp.Token);
        await using var owned = harness;
        await hostGivesUp.CancelAsync();
        await stopping;

        await Eventually.UntilAsync(() => harness.Service.Reports.Count == 4, "all four jobs are reported");
        Assert.That(harness.Statistics.JobsCancelledForShutdown, Is.EqualTo(4));
    }

    [Test]
    public async Task Stopping_an_idle_worker_is_immediate()
    {
        await using var harness = await WorkerHarness.StartAsync();
        await Eventually.UntilAsync(() => harness.Service.Polls >= 1, "the worker polls");

        await harness.StopAsync();

        Assert.That(harness.Logs.WithEventId(2004), Is.Not.Empty);
    }
}
