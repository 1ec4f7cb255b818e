using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class JournalLifecycleTests
{
    [Test]
    public async Task A_job_is_journaled_by_its_acknowledgement_while_it_runs_without_secrets_and_the_record_goes_with_the_report()
    {
        var release = new TaskCompletionSource();
        var acknowledged = false;
        // Set inside the handler, after it has looked at the journal: the handler's Started count
        // rises before OnHandle runs, so waiting on it would race the look.
        var journaledBeforeHandler = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.AcknowledgeJobAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .Returns(() =>
                {
                    acknowledged = true;
                    return Task.FromResult<JobStatus?>(JobStatus.InProgress);
                });
            h.Handler.OnHandle = async (_, token) =>
            {
                journaledBeforeHandler.TrySetResult(JournalFiles(h));
                await release.Task.WaitAsync(token);
                return JobOutcome.Succeeded();
            };
            h.Service.AddJob(jobId: "job-journaled");
        });
        var journaled = await journaledBeforeHandler.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var record = await File.ReadAllTextAsync(journaled.Single());
        release.SetResult();
        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1, "the job is reported");
        await Eventually.UntilAsync(() => JournalFiles(harness).Length == 0, "the record is removed");

        Assert.Multiple(() =>
        {
            Assert.That(acknowledged, Is.True);
            Assert.That(Path.GetFileName(journaled.Single()), Is.EqualTo("job-journaled.json"));
            Assert.That(record, Does.Contain("\"jobId\":\"job-journaled\"").And.Contain("\"clientId\":\"client-1\"").And.Contain("\"kind\":\"ThirdParty\""));
            Assert.That(Canary.FoundIn(record), Is.Empty, "never a client token, credential or configuration value");
        });
    }

    [Test]
    public async Task A_record_stays_when_every_report_attempt_failed_so_that_the_next_start_reports_it()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.MaxReportAttempts = 2,
            beforeStart: h =>
            {
                h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable."));
                h.Service.AddJob(jobId: "job-unreported");
            });

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.ReportFailures == 1, WorkerHarness.Step, TimeSpan.FromSeconds(30), "the worker gives up reporting");

        Assert.That(JournalFiles(harness).Select(Path.GetFileName), Is.EqualTo(new[] { "job-unreported.json" }));
    }

    [Test]
    public async Task A_record_written_for_a_job_another_worker_acknowledged_first_is_removed()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.AcknowledgedElsewhere("job-raced");
            h.Service.AddJob(jobId: "job-raced");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSkippedInvalidNonce == 1, "the job is skipped");

        Assert.That(JournalFiles(harness), Is.Empty);
    }

    [Test]
    public async Task Stopping_a_host_whose_start_failed_on_invalid_options_is_clean()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new FakeCodePipeline(new Microsoft.Extensions.Time.Testing.FakeTimeProvider()).Mock.Object);
        builder.Services.AddSingleton(new TestHandler());
        builder.Services.AddThirdPartyJobWorker<TestHandler>("bad", options =>
        {
            options.ActionTypeId = WorkerHarness.ActionType;
            options.ClientTokens["client-1"] = "token";
            options.MaxConcurrency = 0;
        });
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Job worker 'bad'").And.Contain("MaxConcurrency"));
            Assert.DoesNotThrowAsync(() => host.StopAsync());
        });
    }

    private static string[] JournalFiles(WorkerHarness harness) =>
        Directory.Exists(harness.JournalDirectory) ? Directory.GetFiles(harness.JournalDirectory, "*.json", SearchOption.AllDirectories) : [];
}
