namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class DeadlineTests
{
    [Test]
    public async Task The_handler_is_cancelled_before_the_job_timeout_and_a_failure_is_reported_in_time()
    {
        var cancelledAt = DateTimeOffset.MinValue;
        await using var harness = await WorkerHarness.StartAsync(
            options =>
            {
                options.JobTimeout = TimeSpan.FromMinutes(2);
                options.TimeoutSafetyMargin = TimeSpan.FromSeconds(20);
            },
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (_, token) =>
                {
                    token.Register(() => cancelledAt = h.Time.GetUtcNow());
                    await Task.Delay(Timeout.Infinite, token);
                    return JobOutcome.Succeeded();
                };
                h.Service.AddJob(jobId: "job-slow");
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the handler runs");
        var claimedAt = harness.Handler.Contexts[0].ClaimedAt;

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsFailed == 1, WorkerHarness.Step, TimeSpan.FromMinutes(3), "the failure is reported");

        var report = harness.Service.Reports.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cancelledAt - claimedAt, Is.EqualTo(TimeSpan.FromSeconds(100)), "timeout 2 min − margin 20 s");
            Assert.That(report.At - claimedAt, Is.LessThan(TimeSpan.FromMinutes(2)), "reported before CodePipeline times the job out");
            Assert.That(report.Failure, Is.EqualTo(new FailureDetails(FailureType.JobFailed, "The job did not finish within the worker's time limit of 100 s.")));
            Assert.That(harness.Handler.Contexts[0].Deadline, Is.EqualTo(claimedAt + TimeSpan.FromSeconds(100)));
            Assert.That(harness.Statistics.JobsTimedOut, Is.EqualTo(1));
            Assert.That(harness.Statistics.HandlerExceptions, Is.Zero);
            Assert.That(harness.Logs.WithEventId(2034).Single().Value("JobId"), Is.EqualTo("job-slow"));
        });
    }

    [Test]
    public async Task A_handler_may_answer_its_deadline_with_ContinueLater()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.JobTimeout = TimeSpan.FromMinutes(1),
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (_, token) =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                        return JobOutcome.Succeeded();
                    }
                    catch (OperationCanceledException)
                    {
                        return JobOutcome.ContinueLater("resume-at-item-17");
                    }
                };
                h.Service.AddJob();
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the handler runs");

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsContinued == 1, WorkerHarness.Step, TimeSpan.FromMinutes(2), "the continuation is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().ContinuationToken, Is.EqualTo("resume-at-item-17"));
            Assert.That(harness.Service.Reports.Single().At - harness.Handler.Contexts[0].ClaimedAt, Is.InRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) + WorkerHarness.Step));
            Assert.That(harness.Statistics.JobsTimedOut, Is.Zero, "the handler handled its deadline");
        });
    }

    [Test]
    public async Task The_time_budget_counts_from_when_the_poll_handed_the_job_out()
    {
        var detailsGate = new TaskCompletionSource<JobDetails?>();
        await using var harness = await WorkerHarness.StartAsync(
            options => options.JobTimeout = TimeSpan.FromMinutes(1),
            beforeStart: h =>
            {
                h.Service.Mock.Setup(c => c.GetJobDetailsAsync("job-slow-claim", It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(detailsGate.Task);
                h.Handler.OnHandle = TestHandler.RunUntilCancelled();
                h.Service.AddJob(jobId: "job-slow-claim");
            });
        await Eventually.UntilAsync(() => harness.Statistics.JobsReceived == 1, "the job is received");
        var receivedAt = harness.Time.GetUtcNow();

        // Fetching the details takes 10 s; the handler then has 20 s, not 30.
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        detailsGate.SetResult(FakeCodePipeline.Details("job-slow-claim"));
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the handler runs");
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsFailed == 1, WorkerHarness.Step, TimeSpan.FromMinutes(1), "the failure is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Handler.Contexts[0].ClaimedAt, Is.EqualTo(receivedAt));
            Assert.That(harness.Service.Reports.Single().At - receivedAt, Is.InRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) + WorkerHarness.Step), "timeout 1 min − margin 30 s, from the poll");
        });
    }
}
