using System.Diagnostics;
using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Emulator;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Diagnostics;

/// <summary>
/// The worker's spans and metrics, captured with OpenTelemetry's in-memory exporters, while it
/// runs jobs from the CodePipeline emulator through the real client over loopback HTTP.
/// </summary>
[NonParallelizable] // The ActivitySource and Meter are process-wide.
public sealed class EmulatorTelemetryTests
{
    private const string ConfigurationCanary = "CANARY-telemetry-configuration-value-6d2f";
    private const string ContinuationCanary = "CANARY-telemetry-continuation-token-8a41";
    private const string ExceptionCanary = "CANARY-telemetry-exception-message-12e9";
    private static readonly EmulatorCredential CredentialsCanary = new("ASIACANARYTELEMETRY1", "CANARY-telemetry-secret-key-3b7c", "CANARY-telemetry-session-token-f055");

    private CodePipelineEmulator _emulator = null!;
    private TelemetryCapture _telemetry = null!;
    private string _workerName = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _telemetry = new TelemetryCapture();
        _emulator = await CodePipelineEmulator.StartAsync();

        // Unique per test: the instruments outlive each test's worker.
        _workerName = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _emulator.DisposeAsync();
        _telemetry.Dispose();
    }

    [Test]
    public async Task A_job_is_a_root_consumer_span_whose_client_calls_are_its_children_and_polls_are_not()
    {
        var actionType = _emulator.RegisterActionType("Deploy", "ThirdParty", "TracedProvider", "2");
        var jobId = _emulator.CreateJob(actionType, new JobSpec { PipelineName = "web-pipeline", StageName = "Prod", ActionName = "Release" });
        var gate = new TaskCompletionSource();
        ActivityContext? seenByHandler = null;
        EmulatorWorker worker;
        ActivityContext host;

        // A host that starts its services inside a span of its own: polls may nest there, jobs may not.
        using (var hostSpan = TelemetryCapture.TestSource.StartActivity("host start"))
        {
            host = hostSpan!.Context;
            worker = await EmulatorWorker.StartAsync(
                _emulator,
                actionType,
                options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
                handler => handler.OnHandle = async (context, token) =>
                {
                    seenByHandler = Activity.Current?.Context;
                    await gate.Task.WaitAsync(token);
                    await context.GetArtifactCredentialsAsync(token); // a minute old by now: fetched again
                    return JobOutcome.Succeeded();
                },
                _workerName);
        }

        await using (worker)
        {
            await worker.RunUntilAsync(() => worker.Handler.Started == 1, "the job runs");
            worker.Time.Advance(TimeSpan.FromMinutes(1));
            gate.SetResult();
            await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.InFlight == 0, "the job is reported");
            await worker.StopAsync();
        }

        var spans = _telemetry.Spans;
        var job = _telemetry.JobSpans(_workerName).Single();
        var calls = spans.Where(s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("codepipeline.job.id"), jobId)).ToList();
        var polls = spans.Where(s => s.DisplayName == "CodePipeline/PollForThirdPartyJobs").ToList();
        var details = calls.First(s => s.DisplayName == "CodePipeline/GetThirdPartyJobDetails");
        var report = calls.Single(s => s.DisplayName == "CodePipeline/PutThirdPartyJobSuccessResult");
        Assert.Multiple(() =>
        {
            Assert.That(job.DisplayName, Is.EqualTo("CodePipeline job TracedProvider"));
            Assert.That(job.Kind, Is.EqualTo(ActivityKind.Consumer));
            Assert.That(job.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(job.ParentSpanId, Is.EqualTo(default(ActivitySpanId)), "each job is a trace of its own");
            Assert.That(job.TraceId, Is.Not.EqualTo(host.TraceId));
            Assert.That(Tags(job), Is.SupersetOf(new Dictionary<string, object?>
            {
                ["codepipeline.job.id"] = jobId,
                ["codepipeline.client.id"] = actionType.ClientId,
                ["codepipeline.pipeline.name"] = "web-pipeline",
                ["codepipeline.stage.name"] = "Prod",
                ["codepipeline.action.name"] = "Release",
                ["codepipeline.action_type.category"] = "Deploy",
                ["codepipeline.action_type.provider"] = "TracedProvider",
                ["codepipeline.action_type.version"] = "2",
                ["thirdpartyjobs.worker.name"] = _workerName,
                ["thirdpartyjobs.job.outcome"] = "succeeded",
                ["thirdpartyjobs.job.is_continuation"] = false,
            }));
            Assert.That(job.GetTagItem("codepipeline.action.execution_id"), Is.Not.Null);
            Assert.That(job.GetTagItem("error.type"), Is.Null);

            Assert.That(calls.Select(c => c.DisplayName), Is.EquivalentTo(new[]
            {
                "CodePipeline/GetThirdPartyJobDetails",
                "CodePipeline/AcknowledgeThirdPartyJob",
                "CodePipeline/GetThirdPartyJobDetails", // the handler's credential refresh
                "CodePipeline/PutThirdPartyJobSuccessResult",
            }));
            Assert.That(calls, Has.All.Matches<Activity>(c => c.ParentSpanId == job.SpanId && c.TraceId == job.TraceId), "the job's calls are its children");
            Assert.That(seenByHandler?.SpanId, Is.EqualTo(job.SpanId), "the handler runs inside the job's span, so its own spans nest there");
            Assert.That(job.StartTimeUtc, Is.LessThanOrEqualTo(details.StartTimeUtc), "the span starts when the poll hands the job out");
            Assert.That(job.StartTimeUtc + job.Duration, Is.GreaterThanOrEqualTo(report.StartTimeUtc + report.Duration), "the span ends after the report");

            Assert.That(polls, Is.Not.Empty);
            Assert.That(polls, Has.None.Matches<Activity>(p => p.TraceId == job.TraceId), "no poll is part of a job's trace");
            Assert.That(polls, Has.All.Matches<Activity>(p => p.ParentSpanId == host.SpanId), "polls keep the poll loop's context");
        });
    }

    [Test]
    public async Task Jobs_are_counted_and_timed_by_outcome_and_in_flight_returns_to_zero()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "CountedProvider", "1");
        var succeeded = _emulator.CreateJob(actionType, Mode("succeed"));
        var continued = _emulator.CreateJob(actionType, Mode("continue"));
        var failed = _emulator.CreateJob(actionType, Mode("throw"));
        var gate = new TaskCompletionSource();
        var waiting = 0;
        EmulatorWorker? running = null;
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, name: _workerName, handler: handler => handler.OnHandle = async (context, token) =>
        {
            if (context.ContinuationToken is null)
            {
                // Each first job takes 30 s of the worker's (fake) time.
                var work = Task.Delay(TimeSpan.FromSeconds(30), running!.Time, token);
                Interlocked.Increment(ref waiting);
                await gate.Task.WaitAsync(token);
                await work;
            }

            return context.Data.Configuration.GetSecretValue("Mode") switch
            {
                "continue" when context.ContinuationToken is null => JobOutcome.ContinueLater("step-2"),
                "throw" => throw new InvalidOperationException("The build broke."),
                _ => JobOutcome.Succeeded(),
            };
        });
        running = worker;

        await worker.RunUntilAsync(() => Volatile.Read(ref waiting) == 3, "three jobs run");
        var inFlightWhileRunning = _telemetry.Sum("thirdpartyjobs.worker.jobs_in_flight", ("thirdpartyjobs.worker.name", _workerName));
        worker.Time.Advance(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 2 && worker.Statistics.InFlight == 0, "every job, and the follow-up job, is reported");
        await worker.StopAsync();

        var byJob = _telemetry.JobSpans(_workerName).GroupBy(s => (string)s.GetTagItem("codepipeline.job.id")!).ToDictionary(g => g.Key, g => g.Single());
        var followUp = byJob.Keys.Single(id => id != succeeded && id != continued && id != failed);
        Assert.Multiple(() =>
        {
            Assert.That(inFlightWhileRunning, Is.EqualTo(3));
            Assert.That(_telemetry.Sum("thirdpartyjobs.worker.jobs_in_flight", ("thirdpartyjobs.worker.name", _workerName)), Is.Zero);
            Assert.That(JobCount("succeeded"), Is.EqualTo(2));
            Assert.That(JobCount("continued"), Is.EqualTo(1));
            Assert.That(JobCount("failed"), Is.EqualTo(1));
            Assert.That(_telemetry.Sum("thirdpartyjobs.worker.jobs", ("thirdpartyjobs.worker.name", _workerName)), Is.EqualTo(4));
            foreach (var (outcome, count) in new[] { ("succeeded", 2), ("continued", 1), ("failed", 1) })
            {
                var (recorded, seconds) = _telemetry.Histogram("thirdpartyjobs.worker.job.duration", ("thirdpartyjobs.worker.name", _workerName), ("thirdpartyjobs.job.outcome", outcome));
                Assert.That(recorded, Is.EqualTo(count), outcome);
                Assert.That(seconds, Is.GreaterThanOrEqualTo(30), outcome + ": durations follow the worker's clock, where each first job took 30 s");
            }

            Assert.That(byJob[succeeded].Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(byJob[continued].GetTagItem("thirdpartyjobs.job.outcome"), Is.EqualTo("continued"));
            Assert.That(byJob[continued].Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(byJob[followUp].GetTagItem("thirdpartyjobs.job.is_continuation"), Is.EqualTo(true));
            Assert.That(byJob[followUp].GetTagItem("thirdpartyjobs.job.outcome"), Is.EqualTo("succeeded"));
            Assert.That(byJob[failed].GetTagItem("thirdpartyjobs.job.outcome"), Is.EqualTo("failed"));
            Assert.That(byJob[failed].Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(byJob[failed].StatusDescription, Is.EqualTo("InvalidOperationException"));
            Assert.That(byJob[failed].GetTagItem("error.type"), Is.EqualTo("InvalidOperationException"));
        });
    }

    [Test]
    public async Task Polls_are_counted_by_result()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "PolledProvider", "1");

        // The client makes six attempts: the first poll ends throttled, the second failed, the third brings the job.
        _emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 6);
        _emulator.Faults.FailNext(CodePipelineOperation.PollForThirdPartyJobs, 6, 503);
        _emulator.CreateJob(actionType);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, name: _workerName);

        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.InFlight == 0 && worker.Statistics.EmptyPolls >= 2, "the job is done and polls come back empty");
        await worker.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(PollCount("throttled"), Is.EqualTo(1));
            Assert.That(PollCount("failed"), Is.EqualTo(1));
            Assert.That(PollCount("jobs"), Is.EqualTo(1));
            Assert.That(PollCount("empty"), Is.EqualTo(worker.Statistics.EmptyPolls).And.GreaterThanOrEqualTo(2));
            Assert.That(worker.Statistics.ThrottledPolls + worker.Statistics.FailedPolls, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task No_secret_appears_in_any_span_tag_event_status_or_metric_dimension()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "CanaryProvider", "1");
        _emulator.CreateJob(actionType, CanarySpec("throw"));
        _emulator.CreateJob(actionType, CanarySpec("continue"));
        _emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 6);
        _emulator.Faults.ThrottleNext(CodePipelineOperation.AcknowledgeThirdPartyJob, 2);
        var waiting = 0;
        EmulatorWorker? running = null;
        await using var worker = await EmulatorWorker.StartAsync(
            _emulator,
            actionType,
            options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
            handler => handler.OnHandle = async (context, token) =>
            {
                if (context.ContinuationToken is null)
                {
                    // A minute of work: the credentials are refreshed below.
                    var work = Task.Delay(TimeSpan.FromMinutes(1), running!.Time, token);
                    Interlocked.Increment(ref waiting);
                    await work;
                }

                var credentials = await context.GetArtifactCredentialsAsync(token);
                return context.Data.Configuration.GetSecretValue("Mode") switch
                {
                    "throw" => throw new InvalidOperationException(ExceptionCanary + " " + context.Data.Configuration.GetSecretValue("Key") + " " + credentials.GetSecretAccessKey()),
                    "continue" when context.ContinuationToken is null => JobOutcome.ContinueLater(ContinuationCanary),
                    _ => JobOutcome.Succeeded(),
                };
            },
            _workerName);
        running = worker;

        await worker.RunUntilAsync(() => Volatile.Read(ref waiting) == 2, "both jobs run");
        worker.Time.Advance(TimeSpan.FromMinutes(1));
        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.JobsFailed == 1 && worker.Statistics.InFlight == 0, "every job is reported");
        await worker.StopAsync();

        var recorded = _telemetry.AllRecordedText();
        var secrets = new[]
        {
            actionType.ClientToken, ConfigurationCanary, ContinuationCanary, ExceptionCanary,
            CredentialsCanary.AccessKeyId, CredentialsCanary.SecretAccessKey, CredentialsCanary.SessionToken!,
        };
        Assert.Multiple(() =>
        {
            Assert.That(_telemetry.JobSpans(_workerName), Has.Count.EqualTo(3), "the sweep covers every job");
            Assert.That(recorded, Has.Some.Contains("thirdpartyjobs.worker.job.duration"), "the sweep covers the worker's metrics");
            Assert.That(recorded, Has.Some.Contains("CodePipeline/GetThirdPartyJobDetails"), "the sweep covers the client's spans");
            foreach (var secret in secrets)
            {
                Assert.That(recorded.Where(r => r.Contains(secret, StringComparison.Ordinal)), Is.Empty, "a secret was recorded in telemetry");
            }
        });
    }

    private long JobCount(string outcome) =>
        _telemetry.Sum("thirdpartyjobs.worker.jobs", ("thirdpartyjobs.worker.name", _workerName), ("thirdpartyjobs.job.outcome", outcome));

    private long PollCount(string result) =>
        _telemetry.Sum("thirdpartyjobs.worker.polls", ("thirdpartyjobs.worker.name", _workerName), ("thirdpartyjobs.poll.result", result));

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);

    private static JobSpec Mode(string mode) => new() { Configuration = { ["Mode"] = mode } };

    private static JobSpec CanarySpec(string mode) => new()
    {
        Configuration = { ["Mode"] = mode, ["Key"] = ConfigurationCanary },
        ArtifactCredentials = CredentialsCanary,
        InputArtifacts = { new ArtifactSpec("SourceOutput", "bucket", "source.zip", Revision: "abc123") },
    };
}
