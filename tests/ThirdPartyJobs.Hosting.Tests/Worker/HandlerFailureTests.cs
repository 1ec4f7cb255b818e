using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class HandlerFailureTests
{
    [Test]
    public async Task A_handler_exception_is_reported_as_a_failure_without_its_message()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (context, _) => throw new InvalidOperationException(Canary.ExceptionMessage + " " + context.Data.Configuration.GetSecretValue("ApiKey"));
            h.Service.AddJob(jobId: "job-throws");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        var report = harness.Service.Reports.Single();
        var logged = harness.Logs.WithEventId(2032).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.JobId, Is.EqualTo("job-throws"));
            Assert.That(report.Failure, Is.EqualTo(new FailureDetails(FailureType.JobFailed, "The job handler failed with InvalidOperationException.")));
            Assert.That(harness.Statistics.HandlerExceptions, Is.EqualTo(1));
            Assert.That(logged.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(logged.Value("ErrorType"), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(logged.Value("StackTrace"), Does.Contain(nameof(HandlerFailureTests)), "the stack trace helps find the bug");
            Assert.That(logged.Exception, Is.Null, "the exception itself is not attached (its message would carry the job's secrets)");
            Assert.That(logged.Value("ErrorMessage"), Is.EqualTo(Canary.ExceptionMessage + " ***"), "the message is logged, the job's configuration value scrubbed");
            Assert.That(Canary.FoundIn(harness.Logs.AllText()), Is.EqualTo(new[] { Canary.ExceptionMessage }));
        });
    }

    [Test]
    public async Task Including_the_exception_message_in_the_failure_report_is_opt_in()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options =>
            {
                options.IncludeExceptionMessageInFailureReport = true;
                options.LogHandlerExceptionMessages = true;
            },
            beforeStart: h =>
            {
                h.Handler.OnHandle = (_, _) => throw new ArgumentException("Project 'demo' does not exist.");
                h.Service.AddJob();
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().Failure!.Message, Is.EqualTo("The job handler failed with ArgumentException. Project 'demo' does not exist."));
            Assert.That(harness.Logs.WithEventId(2033).Single().Exception, Does.Contain("Project 'demo' does not exist."));
        });
    }

    [Test]
    public async Task A_very_long_exception_message_is_cut_to_the_failure_message_limit()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.IncludeExceptionMessageInFailureReport = true,
            beforeStart: h =>
            {
                h.Handler.OnHandle = (_, _) => throw new InvalidOperationException(new string('x', 10_000));
                h.Service.AddJob();
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.That(harness.Service.Reports.Single().Failure!.Message, Has.Length.EqualTo(5000));
    }

    [Test]
    public async Task A_handler_that_returns_no_outcome_fails_the_job()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (_, _) => Task.FromResult<JobOutcome>(null!);
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.That(harness.Service.Reports.Single().Failure!.Message, Is.EqualTo("The job handler returned no outcome."));
    }

    [Test]
    public async Task A_handler_that_cannot_be_created_fails_the_job()
    {
        await using var harness = await WorkerHarness.StartAsync(
            configureServices: services => services.AddThirdPartyJobWorker<UnresolvableHandler>(WorkerHarness.WorkerName, WorkerHarness.ApplyDefaults),
            beforeStart: h => h.Service.AddJob(),
            registerTestWorker: false);

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.That(harness.Service.Reports.Single().Failure!.Message, Is.EqualTo("The job handler failed with InvalidOperationException."));
    }

    [Test]
    public async Task A_failed_outcome_is_reported_as_the_handler_gave_it()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (_, _) => Task.FromResult(JobOutcome.Failed(FailureType.ConfigurationError, "Set Project.", "run-7"));
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().Failure, Is.EqualTo(new FailureDetails(FailureType.ConfigurationError, "Set Project.", "run-7")));
            Assert.That(harness.Statistics.HandlerExceptions, Is.Zero);
        });
    }

    [Test]
    public async Task A_handler_that_throws_OperationCanceledException_of_its_own_fails_the_job()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (_, _) => throw new TaskCanceledException("An HTTP call of the handler timed out.");
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the failure is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().Failure!.Message, Is.EqualTo("The job handler failed with TaskCanceledException."));
            Assert.That(harness.Statistics.JobsTimedOut + harness.Statistics.JobsCancelledForShutdown, Is.Zero);
        });
    }

    private sealed class UnresolvableHandler : IThirdPartyJobHandler
    {
        public UnresolvableHandler() => throw new InvalidOperationException("The handler's constructor failed: " + Canary.ConfigurationValue);

        public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken) => Task.FromResult(JobOutcome.Succeeded());
    }
}
