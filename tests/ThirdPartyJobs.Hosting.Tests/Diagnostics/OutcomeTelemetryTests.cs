using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThirdPartyJobs.Hosting.Tests.Diagnostics;

/// <summary>
/// Every way a job can end, as its span and the job metrics record it, with a scripted client
/// (faults the emulator cannot stage one job at a time).
/// </summary>
[NonParallelizable] // The ActivitySource and Meter are process-wide.
public sealed class OutcomeTelemetryTests
{
    private TelemetryCapture _telemetry = null!;

    [SetUp]
    public void StartCapture() => _telemetry = new TelemetryCapture();

    [TearDown]
    public void StopCapture() => _telemetry.Dispose();

    [Test]
    public async Task Each_outcome_is_tagged_on_the_job_span_and_counted_with_error_status_only_for_failures()
    {
        await using var harness = await WorkerHarness.StartAsync(
            beforeStart: h =>
            {
                var client = h.Service.Mock;
                h.Service.AcknowledgedElsewhere("job-nonce");
                client.Setup(c => c.AcknowledgeJobAsync("job-not-in-progress", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                    .ReturnsAsync(JobStatus.TimedOut);
                client.Setup(c => c.GetJobDetailsAsync("job-claim-failed", It.IsAny<string>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable."));
                client.Setup(c => c.PutJobSuccessResultAsync("job-rejected", It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("InvalidJobStateException", "The job timed out."));
                client.Setup(c => c.PutJobSuccessResultAsync("job-report-failed", It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("JobNotFoundException", "The job was not found.", operation: "PutThirdPartyJobSuccessResult"));
                h.Handler.OnHandle = async (context, token) => context.JobId switch
                {
                    "job-timeout" => await TestHandler.RunUntilCancelled()(context, token),
                    "job-refused" => JobOutcome.Failed(FailureType.ConfigurationError, "The API key is wrong."),
                    "job-throws" => throw new InvalidOperationException(Canary.ExceptionMessage),
                    _ => JobOutcome.Succeeded(),
                };
                foreach (var id in new[] { "job-ok", "job-nonce", "job-not-in-progress", "job-claim-failed", "job-rejected", "job-report-failed", "job-timeout", "job-refused", "job-throws" })
                {
                    h.Service.AddJob(jobId: id);
                }

                h.Service.AddJob(clientId: "client-nobody-knows", jobId: "job-stranger");
            });

        // The timeout job's deadline is 9.5 minutes (of fake time) away.
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsReceived == 10 && harness.Statistics.InFlight == 0, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), "every job ends");
        await harness.StopAsync();

        var spans = _telemetry.JobSpans(WorkerHarness.WorkerName).ToDictionary(s => (string)s.GetTagItem("codepipeline.job.id")!);
        var expected = new (string JobId, string Outcome, string? Reason, string? ErrorType)[]
        {
            ("job-ok", "succeeded", null, null),
            ("job-nonce", "skipped", "invalid_nonce", null),
            ("job-not-in-progress", "skipped", "not_in_progress", null),
            ("job-stranger", "unknown_client", null, "unknown_client"),
            ("job-claim-failed", "claim_failed", null, "ServiceUnavailableException"),
            ("job-rejected", "report_rejected", null, "InvalidJobStateException"),
            ("job-report-failed", "report_failed", null, "JobNotFoundException"),
            ("job-timeout", "failed", null, "timeout"),
            ("job-refused", "failed", null, "ConfigurationError"),
            ("job-throws", "failed", null, "InvalidOperationException"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(spans.Keys, Is.EquivalentTo(expected.Select(e => e.JobId)));
            foreach (var (jobId, outcome, reason, errorType) in expected)
            {
                var span = spans[jobId];
                Assert.That(span.GetTagItem("thirdpartyjobs.job.outcome"), Is.EqualTo(outcome), jobId);
                Assert.That(span.GetTagItem("thirdpartyjobs.job.skip_reason"), Is.EqualTo(reason), jobId);
                Assert.That(span.GetTagItem("error.type"), Is.EqualTo(errorType), jobId);
                Assert.That(span.Status, Is.EqualTo(errorType is null ? ActivityStatusCode.Unset : ActivityStatusCode.Error), jobId);
                Assert.That(span.StatusDescription, Is.EqualTo(errorType), jobId);
            }

            // Pipeline names once the details are known; none for a job that never got that far.
            Assert.That(spans["job-ok"].GetTagItem("codepipeline.pipeline.name"), Is.EqualTo("pipeline-a"));
            Assert.That(spans["job-nonce"].GetTagItem("codepipeline.stage.name"), Is.EqualTo("stage-b"));
            Assert.That(spans["job-stranger"].GetTagItem("codepipeline.pipeline.name"), Is.Null);
            Assert.That(spans["job-stranger"].GetTagItem("codepipeline.client.id"), Is.EqualTo("client-nobody-knows"));

            foreach (var group in expected.GroupBy(e => e.Outcome))
            {
                Assert.That(
                    _telemetry.Sum("thirdpartyjobs.worker.jobs", ("thirdpartyjobs.worker.name", WorkerHarness.WorkerName), ("thirdpartyjobs.job.outcome", group.Key)),
                    Is.EqualTo(group.Count()),
                    group.Key);
            }

            Assert.That(_telemetry.Histogram("thirdpartyjobs.worker.job.duration", ("thirdpartyjobs.worker.name", WorkerHarness.WorkerName)).Count, Is.EqualTo(10));
            Assert.That(
                _telemetry.Histogram("thirdpartyjobs.worker.job.duration", ("thirdpartyjobs.worker.name", WorkerHarness.WorkerName), ("thirdpartyjobs.job.outcome", "failed")).Sum,
                Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(9.5).TotalSeconds),
                "the timed-out job ran to its deadline on the worker's clock");
            Assert.That(_telemetry.Sum("thirdpartyjobs.worker.jobs_in_flight", ("thirdpartyjobs.worker.name", WorkerHarness.WorkerName)), Is.Zero);
        });
    }

    [Test]
    public async Task A_throwing_listener_costs_neither_a_job_nor_a_slot()
    {
        using var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ThirdPartyJobs",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ => throw new InvalidOperationException("A listener's bug."),
            ActivityStopped = _ => throw new InvalidOperationException("A listener's bug."),
        };
        ActivitySource.AddActivityListener(spans);
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "ThirdPartyJobs")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("A listener's bug."));
        metrics.SetMeasurementEventCallback<double>((_, _, _, _) => throw new InvalidOperationException("A listener's bug."));
        metrics.Start();

        // One slot: a job that leaked it would stall the rest.
        await using var harness = await WorkerHarness.StartAsync(options => options.MaxConcurrency = 1, beforeStart: h => h.Service.AddJobs(3));
        // Read the reports, not the metrics: the throwing listener stops the measurements before the test's own collectors see them.
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Service.Reports.Count == 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), "every job is reported");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Service.Reports.Select(r => r.Kind), Is.EqualTo(new[] { JobOutcomeKind.Succeeded, JobOutcomeKind.Succeeded, JobOutcomeKind.Succeeded }));
            Assert.That(harness.Handler.Started, Is.EqualTo(3));
            Assert.That(harness.Logs.WithEventId(2050).Concat(harness.Logs.WithEventId(2051)), Is.Empty, "no unexpected error in the worker");
        });
    }

    [Test]
    public async Task No_secret_of_any_outcome_reaches_a_span_or_metric()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Service.Mock.Setup(c => c.PutJobFailureResultAsync("job-throws", It.IsAny<string>(), It.IsAny<FailureDetails>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("InvalidJobStateException", "The job timed out."));
            h.Handler.OnHandle = async (context, token) =>
            {
                var credentials = await context.GetArtifactCredentialsAsync(token);
                return context.JobId switch
                {
                    "job-throws" => throw new InvalidOperationException($"{Canary.ExceptionMessage} {credentials.GetSessionToken()} {context.Data.Configuration.GetSecretValue("ApiKey")}"),
                    "job-refused" => JobOutcome.Failed(FailureType.ConfigurationError, "Bad key " + Canary.ExceptionMessage),
                    _ => JobOutcome.ContinueLater(Canary.ExceptionMessage),
                };
            };
            h.Service.AddJob(jobId: "job-throws");
            h.Service.AddJob(jobId: "job-refused");
            h.Service.AddJob(jobId: "job-continues", continuationToken: Canary.ConfigurationValue);
            h.Service.AddJob(clientId: "client-nobody-knows", jobId: "job-stranger");
        });

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsReceived == 4 && harness.Statistics.InFlight == 0, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), "every job ends");
        await harness.StopAsync();

        var recorded = _telemetry.AllRecordedText();
        Assert.Multiple(() =>
        {
            Assert.That(_telemetry.JobSpans(WorkerHarness.WorkerName), Has.Count.EqualTo(4));
            foreach (var secret in Canary.All)
            {
                Assert.That(recorded.Where(r => r.Contains(secret, StringComparison.Ordinal)), Is.Empty, "a secret was recorded in telemetry");
            }
        });
    }
}
