using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class JobLifecycleTests
{
    [Test]
    public async Task A_job_is_fetched_acknowledged_with_its_nonce_handled_and_reported()
    {
        var revision = new CurrentRevision("abc123", "change-1");
        var details = new ExecutionDetails("Built 3 targets.", "run-42", 100);
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (_, _) => Task.FromResult(JobOutcome.Succeeded(revision, details));
            h.Service.AddJob(jobId: "job-happy");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1 && harness.Statistics.InFlight == 0, "the job is reported");

        var context = harness.Handler.Contexts.Single();
        var report = harness.Service.Reports.Single();
        var client = harness.Service.Mock;
        Assert.Multiple(() =>
        {
            Assert.That(context.JobId, Is.EqualTo("job-happy"));
            Assert.That(context.ClientId, Is.EqualTo(WorkerHarness.ClientId));
            Assert.That(context.ContinuationToken, Is.Null);
            Assert.That(context.ContinuationToken, Is.Null);
            Assert.That(context.Data.PipelineContext!.PipelineName, Is.EqualTo("pipeline-a"));
            Assert.That(context.Data.Configuration.GetSecretValue("ApiKey"), Is.EqualTo(Canary.ConfigurationValue));
            Assert.That(context.ClaimedAt, Is.EqualTo(harness.Time.GetUtcNow()));
            Assert.That(context.Deadline, Is.EqualTo(context.ClaimedAt + TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30)));
            Assert.That(report, Is.EqualTo(new Report("job-happy", Canary.ClientToken, JobOutcomeKind.Succeeded, revision, null, details, null, harness.Time.GetUtcNow())));
            Assert.That(harness.Statistics.JobsReceived, Is.EqualTo(1));
            Assert.That(harness.Statistics.JobsStarted, Is.EqualTo(1));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
        });
        client.Verify(c => c.GetJobDetailsAsync("job-happy", Canary.ClientToken, It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.AcknowledgeJobAsync("job-happy", "nonce-job-happy", Canary.ClientToken, It.IsAny<CancellationToken>()), Times.Once);

        var completed = harness.Logs.WithEventId(2031).Single();
        Assert.Multiple(() =>
        {
            Assert.That(completed.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(completed.Value("JobId"), Is.EqualTo("job-happy"));
            Assert.That(completed.Value("Outcome"), Is.EqualTo("Succeeded"));
            Assert.That(completed.Value("Pipeline"), Is.EqualTo("pipeline-a"));
            Assert.That(completed.Value("Stage"), Is.EqualTo("stage-b"));
            Assert.That(completed.Value("Action"), Is.EqualTo("action-c"));
            Assert.That(completed.Value("DurationMilliseconds"), Is.Not.Null);
        });
    }

    [Test]
    public async Task The_job_context_describes_itself_without_secrets()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.AddJob(jobId: "job-described", continuationToken: "secretish-continuation");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1, "the job is reported");

        Assert.That(
            harness.Handler.Contexts[0].ToString(),
            Is.EqualTo("JobContext { JobId = job-described, ClientId = client-1, Pipeline = pipeline-a, Stage = stage-b, Action = action-c, IsContinuation = True }"));
    }

    [Test]
    public async Task A_job_another_worker_acknowledged_is_skipped_quietly()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.AcknowledgedElsewhere("job-taken");
            h.Service.AddJob(jobId: "job-taken");
            h.Service.AddJob(jobId: "job-ours");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1 && harness.Statistics.JobsSkippedInvalidNonce == 1, "one job is skipped and one handled");

        var skipped = harness.Logs.WithEventId(2022).Single();
        Assert.Multiple(() =>
        {
            Assert.That(harness.Handler.Contexts.Select(c => c.JobId), Is.EqualTo(new[] { "job-ours" }));
            Assert.That(harness.Service.Reports.Select(r => r.JobId), Is.EqualTo(new[] { "job-ours" }));
            Assert.That(skipped.Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(skipped.Value("JobId"), Is.EqualTo("job-taken"));
            Assert.That(harness.Logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
        });
    }

    [TestCase("Succeeded")]
    [TestCase("TimedOut")]
    [TestCase("Failed")]
    [TestCase("SomethingNew")]
    public async Task A_job_not_in_progress_after_acknowledging_is_not_handled(string status)
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.AcknowledgeJobAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(JobStatus.FromValue(status));
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSkippedNotInProgress == 1 && harness.Statistics.InFlight == 0, "the job is skipped");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Handler.Started, Is.Zero);
            Assert.That(harness.Service.Reports, Is.Empty);
            Assert.That(harness.Logs.WithEventId(2023).Single().Value("Status"), Is.EqualTo(status));
        });
    }

    [Test]
    public async Task A_job_of_an_unknown_client_is_skipped_logged_and_counted()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.AddJob(clientId: "client-nobody-knows", jobId: "job-stranger");
            h.Service.AddJob(jobId: "job-known");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1 && harness.Statistics.JobsSkippedUnknownClient == 1, "one job skipped, one handled");

        var warning = harness.Logs.WithEventId(2020).Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(warning.Value("JobId"), Is.EqualTo("job-stranger"));
            Assert.That(warning.Value("ClientId"), Is.EqualTo("client-nobody-knows"));
            Assert.That(harness.Handler.Contexts.Select(c => c.JobId), Is.EqualTo(new[] { "job-known" }));
        });
        harness.Service.Mock.Verify(c => c.GetJobDetailsAsync("job-stranger", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_client_token_provider_that_returns_null_or_throws_never_stops_the_worker()
    {
        var provider = new Mock<IClientTokenProvider>();
        provider.Setup(p => p.GetClientTokenAsync("client-null", It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        provider.Setup(p => p.GetClientTokenAsync("client-throws", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("vault said no for " + Canary.ClientToken));
        provider.Setup(p => p.GetClientTokenAsync(WorkerHarness.ClientId, It.IsAny<CancellationToken>())).ReturnsAsync(Canary.ClientToken);
        await using var harness = await WorkerHarness.StartAsync(
            options => options.ClientTokens.Clear(),
            services => services.AddKeyedSingleton(WorkerHarness.WorkerName, provider.Object),
            h =>
            {
                h.Service.AddJob(clientId: "client-null");
                h.Service.AddJob(clientId: "client-throws");
                h.Service.AddJob();
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1 && harness.Statistics.JobsSkippedUnknownClient == 1 && harness.Statistics.TokenProviderFailures == 1, "two skipped (an unknown client, a provider failure), one handled");

        var failed = harness.Logs.WithEventId(2021).Single();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Value("ClientId"), Is.EqualTo("client-throws"));
            Assert.That(failed.Value("ErrorType"), Does.Contain("InvalidOperationException"));
            Assert.That(Canary.FoundIn(harness.Logs.AllText()), Is.Empty, "the provider's exception message is not logged");
        });
    }

    [Test]
    public async Task A_job_whose_details_cannot_be_fetched_is_counted_and_not_handled()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.GetJobDetailsAsync("job-gone", It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("JobNotFoundException", "The job was not found.", operation: "GetThirdPartyJobDetails", jobId: "job-gone"));
            h.Service.AddJob(jobId: "job-gone");
        });

        await Eventually.UntilAsync(() => harness.Statistics.ClaimFailures == 1 && harness.Statistics.InFlight == 0, "the claim fails");

        var warning = harness.Logs.WithEventId(2024).Single();
        Assert.Multiple(() =>
        {
            Assert.That(harness.Handler.Started, Is.Zero);
            Assert.That(warning.Value("ErrorCode"), Is.EqualTo("JobNotFoundException"));
            Assert.That(warning.Value("Operation"), Is.EqualTo("GetThirdPartyJobDetails"));
        });
        harness.Service.Mock.Verify(c => c.AcknowledgeJobAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Each_job_gets_its_own_dependency_injection_scope()
    {
        await using var harness = await WorkerHarness.StartAsync(
            configureServices: services =>
            {
                services.AddScoped<ScopedThing>();
                services.AddThirdPartyJobWorker<ScopedHandler>(WorkerHarness.WorkerName, WorkerHarness.ApplyDefaults);
            },
            beforeStart: h => h.Service.AddJobs(3),
            registerTestWorker: false);

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 3, "three jobs are reported");

        Assert.Multiple(() =>
        {
            Assert.That(ScopedHandler.Seen.Distinct().Count(), Is.EqualTo(3), "one scope (and handler) per job");
            Assert.That(ScopedThing.Disposed, Is.EqualTo(3), "each scope is disposed");
        });
    }

    private sealed class ScopedThing : IDisposable
    {
        public static int Disposed;

        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    private sealed class ScopedHandler(ScopedThing thing) : IThirdPartyJobHandler
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<ScopedThing> Seen = [];

        public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
        {
            Seen.Add(thing);
            return Task.FromResult(JobOutcome.Succeeded());
        }
    }

    [Test]
    public async Task Many_jobs_run_within_the_concurrency_limit_and_are_each_reported_once()
    {
        const int Jobs = 200;
        await using var harness = await WorkerHarness.StartAsync(
            options => options.MaxConcurrency = 4,
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (_, _) =>
                {
                    await Task.Yield();
                    return JobOutcome.Succeeded();
                };
                h.Service.AddJobs(Jobs);
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == Jobs && harness.Statistics.InFlight == 0, "every job is reported");

        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.JobId).Distinct().Count(), Is.EqualTo(Jobs));
            Assert.That(reports, Has.Count.EqualTo(Jobs));
            Assert.That(harness.Handler.MaxRunning, Is.InRange(1, 4));
            Assert.That(harness.Statistics.MaxInFlightObserved, Is.InRange(1, 4));
            Assert.That(harness.Service.PollSizes, Has.All.InRange(1, 4));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task ContinueLater_reports_success_with_the_token_and_the_follow_up_job_gets_it()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (context, _) => Task.FromResult(context.ContinuationToken switch
            {
                null => JobOutcome.ContinueLater("step-2", new ExecutionDetails("Deploying…", PercentComplete: 40)),
                "step-2" => JobOutcome.Succeeded(executionDetails: new ExecutionDetails("Deployed.", PercentComplete: 100)),
                _ => JobOutcome.Failed(FailureType.JobFailed, "Unexpected continuation."),
            });
            h.Service.AddJob(jobId: "job-first");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsContinued == 1, "the first job asks to continue");
        var continued = harness.Service.Reports.Single();

        // What CodePipeline does with a continuation token: it issues the job again, carrying it.
        harness.Service.AddJob(jobId: "job-second", continuationToken: continued.ContinuationToken);
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), "the follow-up job is done");

        var contexts = harness.Handler.Contexts;
        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(continued.Kind, Is.EqualTo(JobOutcomeKind.ContinueLater));
            Assert.That(continued.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(continued.ExecutionDetails!.PercentComplete, Is.EqualTo(40));
            Assert.That(contexts[1].ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(contexts[1].ContinuationToken, Is.Not.Null);
            Assert.That(reports[1], Has.Property(nameof(Report.Kind)).EqualTo(JobOutcomeKind.Succeeded).And.Property(nameof(Report.ContinuationToken)).Null);
            Assert.That(harness.Logs.WithEventId(2030).Select(e => e.Value("IsContinuation")), Is.EqualTo(new[] { "False", "True" }));
        });
    }
}
