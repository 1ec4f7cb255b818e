namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class PollingTests
{
    /// <summary>The backoff arrangement: polls waiting 1–4 s, each failing with <paramref name="fault"/>; the first has been made.</summary>
    private static async Task<WorkerHarness> StartWithFailingPollsAsync(Func<Exception> fault)
    {
        var harness = await WorkerHarness.StartAsync(
            options => options.MaxPollInterval = TimeSpan.FromSeconds(4),
            beforeStart: h => h.Service.PollFault = fault);
        await Eventually.UntilAsync(() => harness.Service.Polls == 1, "the first poll");
        return harness;
    }

    [Test]
    public async Task Polls_ask_only_for_the_free_slots()
    {
        var release = new TaskCompletionSource();
        await using var harness = await WorkerHarness.StartWithWaitingJobsAsync(maxConcurrency: 5, jobs: 3, release.Task);

        await Eventually.UntilAsync(() => harness.Handler.Started == 3 && harness.Service.Polls >= 2, "three jobs run and the worker polls again");

        Assert.That(harness.Service.PollSizes.Take(2), Is.EqualTo(new[] { 5, 2 }), "the second poll asks for 5 − 3 in flight");
        release.SetResult();
        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 3, "the jobs are reported");
    }

    [Test]
    public async Task Polling_stops_while_every_slot_is_busy_and_resumes_for_the_freed_ones()
    {
        var release = new TaskCompletionSource();
        await using var harness = await WorkerHarness.StartWithWaitingJobsAsync(maxConcurrency: 2, jobs: 5, release.Task);

        await Eventually.UntilAsync(() => harness.Handler.Started == 2, "two jobs run");
        var pollsWhileFull = harness.Service.Polls;
        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));

        Assert.That(harness.Service.Polls, Is.EqualTo(pollsWhileFull), "no poll while full, however long");
        Assert.That(pollsWhileFull, Is.EqualTo(1));

        release.SetResult();
        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 5, "all five jobs are reported");
        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.PollSizes, Has.All.InRange(1, 2));
            Assert.That(harness.Handler.MaxRunning, Is.EqualTo(2));
            Assert.That(harness.Statistics.MaxInFlightObserved, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_poll_asks_for_at_most_100_jobs()
    {
        await using var harness = await WorkerHarness.StartAsync(options => options.MaxConcurrency = 250);

        await Eventually.UntilAsync(() => harness.Service.Polls >= 1, "the worker polls");

        Assert.That(harness.Service.PollSizes[0], Is.EqualTo(100));
    }

    [Test]
    public async Task Empty_polls_back_off_with_jitter_up_to_the_maximum()
    {
        await using var harness = await WorkerHarness.StartAsync(options =>
        {
            options.MinPollInterval = TimeSpan.FromSeconds(1);
            options.MaxPollInterval = TimeSpan.FromSeconds(16);
        });
        await Eventually.UntilAsync(() => harness.Service.Polls == 1, "the first poll");

        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(3), WorkerHarness.FineStep);

        var intervals = Intervals(harness.Service.PollTimes);
        var polls = harness.Service.Polls;
        Assert.Multiple(() =>
        {
            // Waits of 1, 1–2, 2–4, 4–8, 8–16 s, then 8–16 s: about 19 polls in 3 minutes, never 180.
            Assert.That(polls, Is.InRange(14, 30));
            Assert.That(intervals, Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(intervals, Has.All.LessThanOrEqualTo(TimeSpan.FromSeconds(16) + WorkerHarness.FineStep));
            Assert.That(intervals[0], Is.LessThanOrEqualTo(TimeSpan.FromSeconds(1) + WorkerHarness.FineStep), "the first wait is the minimum");
            Assert.That(intervals.Skip(5), Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(8)), "the backoff has grown to [max/2, max]");
            Assert.That(intervals.Skip(5).Distinct().Count(), Is.GreaterThan(3), "jittered, not lockstep");
            Assert.That(harness.Statistics.EmptyPolls, Is.EqualTo(polls));
        });
    }

    [Test]
    public async Task Throttled_polls_back_off_and_are_counted()
    {
        await using var harness = await StartWithFailingPollsAsync(() => ThirdPartyJobsModelFactory.ServiceError("ThrottlingException", "Rate exceeded."));

        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(60), WorkerHarness.FineStep);

        var intervals = Intervals(harness.Service.PollTimes);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Polls, Is.InRange(14, 32), "waits of 1–4 s over a minute");
            Assert.That(intervals, Has.All.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4) + WorkerHarness.FineStep));
            Assert.That(harness.Statistics.ThrottledPolls, Is.EqualTo(harness.Service.Polls));
            Assert.That(harness.Logs.WithEventId(2012), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Failing_polls_back_off_and_never_end_the_loop()
    {
        await using var harness = await StartWithFailingPollsAsync(() => ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable."));

        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(30), WorkerHarness.FineStep);
        harness.Service.PollFault = null;
        harness.Service.AddJob();
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, WorkerHarness.FineStep, TimeSpan.FromSeconds(10), "the job after the outage");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Statistics.FailedPolls, Is.InRange(7, 31));
            Assert.That(Intervals(harness.Service.PollTimes).Take((int)harness.Statistics.FailedPolls - 1), Has.All.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4) + WorkerHarness.FineStep));
            Assert.That(harness.Logs.WithEventId(2013).First().Message, Does.Contain("ServiceUnavailableException").And.Contain("CodePipeline is unavailable.").And.Not.Contain("(null)"));
            Assert.That(harness.Logs.WithEventId(2013).First().Exception, Is.Null, "an expected transient failure is one line, without a stack trace");
        });
    }

    [Test]
    public async Task A_poll_that_brings_jobs_resets_the_backoff()
    {
        await using var harness = await WorkerHarness.StartAsync(options => options.MaxPollInterval = TimeSpan.FromSeconds(16));
        await Eventually.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(60), WorkerHarness.FineStep);
        harness.Service.AddJob();
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, WorkerHarness.FineStep, TimeSpan.FromSeconds(17), "the job is picked up");
        var withJob = harness.Service.PollResults.Single(result => result.Value > 0).Key;

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Service.Polls >= withJob + 3, WorkerHarness.FineStep, TimeSpan.FromSeconds(5), "two quick polls");

        var times = harness.Service.PollTimes;
        var afterJob = times[withJob + 1] - times[withJob];
        var thenEmpty = times[withJob + 2] - times[withJob + 1];
        Assert.Multiple(() =>
        {
            Assert.That(afterJob, Is.LessThanOrEqualTo(WorkerHarness.FineStep), "polls again at once after a poll with jobs");
            Assert.That(thenEmpty, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) + WorkerHarness.FineStep), "and the backoff starts from the minimum again");
        });
    }

    private static List<TimeSpan> Intervals(IReadOnlyList<DateTimeOffset> times) =>
        times.Zip(times.Skip(1), (earlier, later) => later - earlier).ToList();
}
