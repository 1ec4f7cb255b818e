using System.Diagnostics;
using ThirdPartyJobs.Hosting.Tests.Emulator;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Diagnostics;

/// <summary>
/// The worker's spans and metrics, captured with OpenTelemetry's in-memory exporters, while it
/// runs jobs from the CodePipeline emulator through the real client over loopback HTTP.
/// </summary>
[NonParallelizable] // The ActivitySource and Meter are process-wide.
public sealed class EmulatorTelemetryTests() : TelemetryTest("telemetry-")
{
    private const string ConfigurationCanary = "CANARY-telemetry-configuration-value-6d2f";
    private const string ContinuationCanary = "CANARY-telemetry-continuation-token-8a41";
    private const string ExceptionCanary = "CANARY-telemetry-exception-message-12e9";
    private static readonly EmulatorCredential CredentialsCanary = new("ASIACANARYTELEMETRY1", "CANARY-telemetry-secret-key-3b7c", "CANARY-telemetry-session-token-f055");

    [Test]
    public async Task A_job_is_a_root_consumer_span_whose_client_calls_are_its_children_and_polls_are_not()
    {
        var actionType = Emulator.RegisterActionType("Deploy", "ThirdParty", "TracedProvider", "2");
        var jobId = Emulator.CreateJob(actionType, new JobSpec { PipelineName = "web-pipeline", StageName = "Prod", ActionName = "Release" });
        var gate = new TaskCompletionSource();
        ActivityContext? seenByHandler = null;
        EmulatorWorker worker;
        ActivityContext host;

        // A host that starts its services inside a span of its own: polls may nest there, jobs may not.
        using (var hostSpan = TelemetryCapture.TestSource.StartActivity("host start"))
        {
            host = hostSpan!.Context;
            worker = await EmulatorWorker.StartAsync(
                Emulator,
                actionType,
                options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
                handler => handler.OnHandle = async (context, token) =>
                {
                    seenByHandler = Activity.Current?.Context;
                    await gate.Task.WaitAsync(token);
                    await context.GetArtifactCredentialsAsync(token); // a minute old by now: fetched again
                    return JobOutcome.Succeeded();
                },
                WorkerName);
        }

        await using (worker)
        {
            await worker.RunUntilAsync(() => worker.Handler.Started == 1, "the job runs");
            worker.Time.Advance(TimeSpan.FromMinutes(1));
            gate.SetResult();
            await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.InFlight == 0, "the job is reported");
            await worker.StopAsync();
        }

        var spans = Telemetry.Spans;
        var job = Telemetry.JobSpans(WorkerName).Single();
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
                ["thirdpartyjobs.worker.name"] = WorkerName,
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
        var actionType = Emulator.RegisterActionType("Build", "ThirdParty", "CountedProvider", "1");
        var succeeded = Emulator.CreateJob(actionType, Mode("succeed"));
        var continued = Emulator.CreateJob(actionType, Mode("continue"));
        var failed = Emulator.CreateJob(actionType, Mode("throw"));
        var gate = new TaskCompletionSource();
        var waiting = 0;
        EmulatorWorker? running = null;
        await using var worker = await EmulatorWorker.StartAsync(Emulator, actionType, name: WorkerName, handler: handler => handler.OnHandle = async (context, token) =>
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
        var inFlightWhileRunning = Telemetry.Sum("thirdpartyjobs.worker.jobs_in_flight", ("thirdpartyjobs.worker.name", WorkerName));
        worker.Time.Advance(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 2 && worker.Statistics.InFlight == 0, "every job, and the follow-up job, is reported");
        await worker.StopAsync();

        var byJob = Telemetry.JobSpans(WorkerName).GroupBy(s => (string)s.GetTagItem("codepipeline.job.id")!).ToDictionary(g => g.Key, g => g.Single());
        var followUp = byJob.Keys.Single(id => id != succeeded && id != continued && id != failed);
        Assert.Multiple(() =>
        {
            Assert.That(inFlightWhileRunning, Is.EqualTo(3));
            Assert.That(Telemetry.Sum("thirdpartyjobs.worker.jobs_in_flight", ("thirdpartyjobs.worker.name", WorkerName)), Is.Zero);
            Assert.That(JobCount("succeeded"), Is.EqualTo(2));
            Assert.That(JobCount("continued"), Is.EqualTo(1));
            Assert.That(JobCount("failed"), Is.EqualTo(1));
            Assert.That(Telemetry.Sum("thirdpartyjobs.worker.jobs", ("thirdpartyjobs.worker.name", WorkerName)), Is.EqualTo(4));
            foreach (var (outcome, count) in new[] { ("succeeded", 2), ("continued", 1), ("failed", 1) })
            {
                var (recorded, seconds) = Telemetry.Histogram("thirdpartyjobs.worker.job.duration", ("thirdpartyjobs.worker.name", WorkerName), ("thirdpartyjobs.job.outcome", outcome));
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
        var actionType = Emulator.RegisterActionType("Build", "ThirdParty", "PolledProvider", "1");

        // The client makes six attempts: the first poll ends throttled, the second failed, the third brings the job.
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 6);
        Emulator.Faults.FailNext(CodePipelineOperation.PollForThirdPartyJobs, 6, 503);
        Emulator.CreateJob(actionType);
        await using var worker = await EmulatorWorker.StartAsync(Emulator, actionType, name: WorkerName);

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
        var actionType = Emulator.RegisterActionType("Build", "ThirdParty", "CanaryProvider", "1");
        Emulator.CreateJob(actionType, CanarySpec("throw"));
        Emulator.CreateJob(actionType, CanarySpec("continue"));
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 6);
        Emulator.Faults.ThrottleNext(CodePipelineOperation.AcknowledgeThirdPartyJob, 2);
        var waiting = 0;
        EmulatorWorker? running = null;
        await using var worker = await EmulatorWorker.StartAsync(
            Emulator,
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
            WorkerName);
        running = worker;

        await worker.RunUntilAsync(() => Volatile.Read(ref waiting) == 2, "both jobs run");
        worker.Time.Advance(TimeSpan.FromMinutes(1));
        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.JobsFailed == 1 && worker.Statistics.InFlight == 0, "every job is reported");
        await worker.StopAsync();

        var recorded = Telemetry.AllRecordedText();
        var secrets = new[]
        {
            actionType.ClientToken, ConfigurationCanary, ContinuationCanary, ExceptionCanary,
            CredentialsCanary.AccessKeyId, CredentialsCanary.SecretAccessKey, CredentialsCanary.SessionToken!,
        };
        Assert.Multiple(() =>
        {
            Assert.That(Telemetry.JobSpans(WorkerName), Has.Count.EqualTo(3), "the sweep covers every job");
            Assert.That(recorded, Has.Some.Contains("thirdpartyjobs.worker.job.duration"), "the sweep covers the worker's metrics");
            Assert.That(recorded, Has.Some.Contains("CodePipeline/GetThirdPartyJobDetails"), "the sweep covers the client's spans");
            foreach (var secret in secrets)
            {
                Assert.That(recorded.Where(r => r.Contains(secret, StringComparison.Ordinal)), Is.Empty, "a secret was recorded in telemetry");
            }
        });
    }

    private long JobCount(string outcome) =>
        Telemetry.Sum("thirdpartyjobs.worker.jobs", ("thirdpartyjobs.worker.name", WorkerName), ("thirdpartyjobs.job.outcome", outcome));

    private long PollCount(string result) =>
        Telemetry.Sum("thirdpartyjobs.worker.polls", ("thirdpartyjobs.worker.name", WorkerName), ("thirdpartyjobs.poll.result", result));

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);

    private static JobSpec Mode(string mode) => new() { Configuration = { ["Mode"] = mode } };

    private static JobSpec CanarySpec(string mode) => new()
    {
        Configuration = { ["Mode"] = mode, ["Key"] = ConfigurationCanary },
        ArtifactCredentials = CredentialsCanary,
        InputArtifacts = { new ArtifactSpec("SourceOutput", "bucket", "source.zip", Revision: "abc123") },
    };
}
