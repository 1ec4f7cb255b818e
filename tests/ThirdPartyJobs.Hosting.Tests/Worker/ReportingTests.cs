namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class ReportingTests
{
    [Test]
    public async Task A_report_that_fails_transiently_is_retried_with_backoff()
    {
        var calls = 0;
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                .Returns<string, string, CurrentRevision?, string?, ExecutionDetails?, CancellationToken>((jobId, token, revision, continuation, details, _) =>
                {
                    if (Interlocked.Increment(ref calls) <= 2)
                    {
                        return Task.FromException(ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable."));
                    }

                    h.Service.RecordSuccess(jobId, token, revision, continuation, details);
                    return Task.CompletedTask;
                });
            h.Service.AddJob();
        });
        await Eventually.UntilAsync(() => harness.Statistics.ReportRetries == 1, "the first attempt fails");
        var firstFailure = harness.Time.GetUtcNow();

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, WorkerHarness.FineStep, TimeSpan.FromSeconds(10), "the report gets through");

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(3));
            Assert.That(harness.Service.Reports, Has.Count.EqualTo(1));
            Assert.That(harness.Statistics.ReportRetries, Is.EqualTo(2));
            Assert.That(harness.Statistics.ReportFailures, Is.Zero);
            Assert.That(harness.Service.Reports[0].At - firstFailure, Is.InRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3) + (2 * WorkerHarness.FineStep)), "waits of 1 s, then 1–2 s");
            Assert.That(harness.Logs.WithEventId(2040).Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task InvalidJobState_on_a_retried_report_means_the_earlier_attempt_arrived()
    {
        var calls = 0;
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobFailureResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<FailureDetails>(), It.IsAny<CancellationToken>()))
                .Returns(() => Task.FromException(Interlocked.Increment(ref calls) == 1
                    ? ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "The connection was reset.")
                    : ThirdPartyJobsModelFactory.ServiceError("InvalidJobStateException", "The job already has a result.")));
            h.Handler.OnHandle = (_, _) => Task.FromResult(JobOutcome.Failed(FailureType.JobFailed, "Tests failed."));
            h.Service.AddJob();
        });

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsFailed == 1, WorkerHarness.FineStep, TimeSpan.FromSeconds(10), "the report is settled");

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(harness.Statistics.ReportsAlreadyRecorded, Is.EqualTo(1));
            Assert.That(harness.Statistics.ReportFailures, Is.Zero);
            Assert.That(harness.Statistics.ReportsRejected, Is.Zero);
            Assert.That(harness.Logs.WithEventId(2041), Is.Not.Empty);
        });
    }

    [Test]
    public async Task InvalidJobState_after_the_clients_own_retries_also_means_already_reported()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            var error = ThirdPartyJobsModelFactory.ServiceError("InvalidJobStateException", "The job already has a result.", attempts: 2);
            h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(error);
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1, "the report is settled");

        Assert.That(harness.Statistics.ReportsAlreadyRecorded, Is.EqualTo(1));
    }

    [Test]
    public async Task InvalidJobState_on_the_first_report_is_a_rejection()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("InvalidJobStateException", "The job timed out."));
            h.Service.AddJob(jobId: "job-late");
        });

        await Eventually.UntilAsync(() => harness.Statistics.ReportsRejected == 1 && harness.Statistics.InFlight == 0, "the report is refused");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Statistics.JobsSucceeded, Is.Zero);
            Assert.That(harness.Statistics.ReportRetries, Is.Zero);
            Assert.That(harness.Logs.WithEventId(2043).Single().Value("JobId"), Is.EqualTo("job-late"));
        });
    }

    [Test]
    public async Task Reporting_gives_up_after_the_configured_attempts_and_logs_it()
    {
        var calls = 0;
        await using var harness = await WorkerHarness.StartAsync(
            options => options.MaxReportAttempts = 3,
            beforeStart: h =>
            {
                h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                    .Returns(() =>
                    {
                        Interlocked.Increment(ref calls);
                        return Task.FromException(ThirdPartyJobsModelFactory.ServiceError("ThrottlingException", "Rate exceeded."));
                    });
                h.Service.AddJob(jobId: "job-unlucky");
            });

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.ReportFailures == 1 && harness.Statistics.InFlight == 0, WorkerHarness.FineStep, TimeSpan.FromSeconds(20), "the worker gives up");

        var gaveUp = harness.Logs.WithEventId(2042).Single();
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(3));
            Assert.That(harness.Statistics.ReportRetries, Is.EqualTo(2));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
            Assert.That(gaveUp.Value("JobId"), Is.EqualTo("job-unlucky"));
            Assert.That(gaveUp.Value("Attempts"), Is.EqualTo("3"));
            Assert.That(gaveUp.Value("ErrorType"), Does.Contain("ThrottledException"));
        });
    }

    [Test]
    public async Task A_permanent_error_is_not_retried()
    {
        var calls = 0;
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                .Returns(() =>
                {
                    Interlocked.Increment(ref calls);
                    return Task.FromException(ThirdPartyJobsModelFactory.ServiceError("InvalidClientTokenException", "The client token is not valid."));
                });
            h.Service.AddJob();
        });

        await Eventually.UntilAsync(() => harness.Statistics.ReportFailures == 1, "the worker gives up");

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(harness.Statistics.ReportRetries, Is.Zero);
        });
    }

    [Test]
    public async Task An_outcome_the_client_refuses_is_replaced_by_a_failure_report()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new ArgumentException("currentRevision.Revision must be 1–1500 characters long.", "currentRevision"));
            h.Service.AddJob(jobId: "job-odd");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "a failure is reported instead");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Single().Failure!.Message, Is.EqualTo("The job handler returned a result CodePipeline does not accept."));
            Assert.That(harness.Logs.WithEventId(2036).Single().Value("ParameterName"), Is.EqualTo("currentRevision"));
        });
    }
}
