using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Emulator;

/// <summary>The worker against the CodePipeline emulator over loopback HTTP, through the real client and AWS SDK pipeline.</summary>
public sealed class EmulatorWorkerTests
{
    private const string ConfigurationCanary = "CANARY-emulated-configuration-value-71c0";
    private static readonly EmulatorCredential CredentialsCanary = new("ASIACANARYEMULATED01", "CANARY-emulated-secret-key-55e1", "CANARY-emulated-session-token-a9b3");

    private CodePipelineEmulator _emulator = null!;

    [SetUp]
    public async Task StartEmulator() => _emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { MaxDispatchesPerJob = DispatchesPerJob });

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    private int DispatchesPerJob => TestContext.CurrentContext.Test.Properties.ContainsKey("Dispatches")
        ? (int)TestContext.CurrentContext.Test.Properties.Get("Dispatches")!
        : 1;

    [Test]
    public async Task A_hundred_jobs_under_chaos_are_each_reported_exactly_once_within_the_concurrency_limit()
    {
        const int Jobs = 100;
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "ChaosWorker", "1");
        var created = Enumerable.Range(0, Jobs).Select(_ => _emulator.CreateJob(actionType, CanarySpec())).ToHashSet();
        _emulator.Faults.EnableChaos(seed: 20250101, probability: 0.15, kinds: [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Reset]);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, handler: handler => handler.OnHandle = async (context, _) =>
        {
            await Task.Yield();
            Assert.That(context.Data.Configuration.GetSecretValue("Key"), Is.EqualTo(ConfigurationCanary));
            return JobOutcome.Succeeded(executionDetails: new ExecutionDetails("Built.", PercentComplete: 100));
        });

        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded >= Jobs && worker.Statistics.InFlight == 0, "every job is reported");
        await _emulator.WaitForAllJobsTerminalAsync();
        _emulator.Faults.EnableChaos(probability: 0);

        var faults = _emulator.Requests.Count(r => r.Fault is not null);
        var results = _emulator.Results;
        TestContext.Out.WriteLine($"{Jobs} jobs, 1 worker, {faults} faults injected over {_emulator.Requests.Count} requests; {worker.Statistics}");
        Assert.Multiple(() =>
        {
            Assert.That(faults, Is.GreaterThan(20), "chaos really happened");
            Assert.That(results.Select(r => r.JobId), Is.EquivalentTo(created), "every job reported exactly once: none lost, none twice");
            Assert.That(results, Has.All.Matches<ReportedJobResult>(r => r.Succeeded));
            Assert.That(_emulator.Jobs, Has.All.Matches<JobSnapshot>(j => j.State == EmulatedJobState.Succeeded));
            Assert.That(worker.Handler.Contexts.Select(c => c.JobId), Is.EquivalentTo(created), "each handler ran once");
            Assert.That(worker.Handler.MaxRunning, Is.InRange(1, 8));
            Assert.That(worker.Statistics.MaxInFlightObserved, Is.InRange(1, 8));
            Assert.That(worker.Statistics.ReportFailures + worker.Statistics.ClaimFailures, Is.Zero);
            Assert.That(worker.Statistics.InFlight, Is.Zero);
            Assert.That(Canary.FoundIn(worker.Logs.AllText()), Is.Empty);
            Assert.That(FoundSecrets(worker.Logs.AllText(), actionType), Is.Empty, "no client token, credential or configuration value in any log");
        });
    }

    [Test]
    [Property("Dispatches", 2)]
    public async Task Two_workers_on_one_emulator_that_hands_jobs_to_both_report_each_job_exactly_once()
    {
        const int Jobs = 100;
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "RaceWorker", "1");
        var created = Enumerable.Range(0, Jobs).Select(_ => _emulator.CreateJob(actionType)).ToHashSet();
        await using var first = await EmulatorWorker.StartAsync(_emulator, actionType, options => options.MaxConcurrency = 4);
        await using var second = await EmulatorWorker.StartAsync(_emulator, actionType, options => options.MaxConcurrency = 4);

        await Eventually.UntilAsync(
            () =>
            {
                first.Time.Advance(TimeSpan.FromMilliseconds(100));
                second.Time.Advance(TimeSpan.FromMilliseconds(100));
                return _emulator.Jobs.All(j => j.IsTerminal) && first.Statistics.InFlight + second.Statistics.InFlight == 0;
            },
            "every job is done");

        var results = _emulator.Results;
        var handled = first.Handler.Contexts.Concat(second.Handler.Contexts).Select(c => c.JobId).ToList();
        var skippedForNonce = first.Statistics.JobsSkippedInvalidNonce + second.Statistics.JobsSkippedInvalidNonce;
        var handledTwice = handled.Count - handled.Distinct().Count();
        var refused = first.Statistics.ReportsRejected + second.Statistics.ReportsRejected;
        TestContext.Out.WriteLine($"{Jobs} jobs, 2 workers, {_emulator.Jobs.Sum(j => j.DispatchCount)} dispatches, {skippedForNonce} skipped for the nonce, {handledTwice} handled twice (reports refused: {refused})");
        TestContext.Out.WriteLine(first.Statistics.ToString());
        TestContext.Out.WriteLine(second.Statistics.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(_emulator.Jobs.Sum(j => j.DispatchCount), Is.GreaterThan(Jobs), "jobs really went to both workers");
            Assert.That(results.Select(r => r.JobId), Is.EquivalentTo(created), "every job reported exactly once: none lost, none twice");
            Assert.That(results, Has.All.Matches<ReportedJobResult>(r => r.Succeeded));
            Assert.That(handled.Distinct(), Is.EquivalentTo(created), "every job handled");
            Assert.That(skippedForNonce, Is.GreaterThan(0), "the nonce race happened and its losers skipped quietly");
            Assert.That(first.Statistics.ReportFailures + second.Statistics.ReportFailures, Is.Zero);

            // The nonce makes the handler run exactly once: whoever fetched details second, before or after the
            // first worker's acknowledge, holds a nonce that cannot acknowledge, and skips the job.
            Assert.That(handledTwice, Is.Zero, "no job was handled twice");
            Assert.That(refused, Is.Zero, "no report was refused");
        });
    }

    [Test]
    public async Task A_throwing_handler_is_reported_as_a_failure_with_a_safe_message()
    {
        var actionType = _emulator.RegisterActionType("Test", "ThirdParty", "ThrowWorker", "1");
        var jobId = _emulator.CreateJob(actionType, CanarySpec());
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, handler: handler => handler.OnHandle = (context, _) =>
            throw new InvalidOperationException("Could not log in with " + context.Data.Configuration.GetSecretValue("Key")));

        await worker.RunUntilAsync(() => worker.Statistics.JobsFailed == 1, "the failure is reported");

        var result = _emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.JobId, Is.EqualTo(jobId));
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.FailureType, Is.EqualTo("JobFailed"));
            Assert.That(result.FailureMessage, Is.EqualTo("The job handler failed with InvalidOperationException."));
            Assert.That(_emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
            Assert.That(FoundSecrets(worker.Logs.AllText(), actionType), Is.Empty);
        });
    }

    [Test]
    public async Task A_continuation_round_trip_hands_the_token_to_the_follow_up_job()
    {
        var actionType = _emulator.RegisterActionType("Deploy", "ThirdParty", "ContinueWorker", "1");
        var firstJob = _emulator.CreateJob(actionType);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, handler: handler => handler.OnHandle = (context, _) => Task.FromResult(context.ContinuationToken switch
        {
            null => JobOutcome.ContinueLater("deployment-123/step-1", new ExecutionDetails("Deploying", PercentComplete: 30)),
            "deployment-123/step-1" => JobOutcome.ContinueLater("deployment-123/step-2", new ExecutionDetails("Verifying", PercentComplete: 80)),
            _ => JobOutcome.Succeeded(new CurrentRevision("deployment-123", "change-1")),
        }));

        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1, "the chain completes");
        await _emulator.WaitForAllJobsTerminalAsync();

        var results = _emulator.Results;
        var jobs = _emulator.Jobs;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.ContinuationToken), Is.EqualTo(new[] { "deployment-123/step-1", "deployment-123/step-2", null }));
            Assert.That(results, Has.All.Matches<ReportedJobResult>(r => r.Succeeded));
            Assert.That(jobs.Select(j => j.ContinuationOfJobId), Is.EqualTo(new[] { null, firstJob, jobs[1].JobId }));
            Assert.That(worker.Handler.Contexts.Select(c => c.ContinuationToken), Is.EqualTo(new[] { null, "deployment-123/step-1", "deployment-123/step-2" }));
            Assert.That(results[2].Revision, Is.EqualTo("deployment-123"));
            Assert.That(worker.Statistics.JobsContinued, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Shutdown_with_jobs_in_flight_reports_every_one_of_them()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "StopWorker", "1");
        var created = Enumerable.Range(0, 6).Select(_ => _emulator.CreateJob(actionType)).ToHashSet();
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, options => options.MaxConcurrency = 4, handler => handler.OnHandle = TestHandler.RunUntilCancelled());
        await worker.RunUntilAsync(() => worker.Handler.Started == 4, "four jobs run");

        var stopping = worker.BeginStopAsync();
        await worker.RunUntilAsync(() => stopping.IsCompleted, "the worker stops");
        await stopping;

        var results = _emulator.Results;
        var jobs = _emulator.Jobs;
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(4), "every job in flight is reported");
            Assert.That(results, Has.All.Matches<ReportedJobResult>(r => !r.Succeeded && r.FailureMessage == "The job was stopped because the job worker is shutting down."));
            Assert.That(jobs.Count(j => j.State == EmulatedJobState.Failed), Is.EqualTo(4));
            Assert.That(jobs.Count(j => j.State == EmulatedJobState.Queued), Is.EqualTo(2), "the rest stay queued for other workers");
            Assert.That(worker.Statistics.JobsCancelledForShutdown, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Jobs_of_an_unknown_client_are_skipped_and_counted()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "StrangerWorker", "1");
        _emulator.CreateJob(actionType);
        _emulator.CreateJob(actionType);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, options =>
        {
            options.ClientTokens.Clear();
            options.ClientTokens["some-other-client"] = "some-other-token";
        });

        await worker.RunUntilAsync(() => worker.Statistics.JobsSkippedUnknownClient == 2 && worker.Statistics.InFlight == 0, "both jobs are skipped");

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.GetThirdPartyJobDetails), Is.Zero);
            Assert.That(_emulator.Jobs, Has.All.Matches<JobSnapshot>(j => j.State == EmulatedJobState.Dispatched));
            Assert.That(worker.Logs.WithEventId(2020).Select(e => e.Value("ClientId")), Has.All.EqualTo(actionType.ClientId));
            Assert.That(worker.Statistics.InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task Artifact_credentials_are_refreshed_from_the_emulator_when_old()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "CredentialWorker", "1");
        _emulator.CreateJob(actionType, CanarySpec());
        var gate = new TaskCompletionSource();
        var seen = new List<SessionCredentials>();
        await using var worker = await EmulatorWorker.StartAsync(
            _emulator,
            actionType,
            options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
            handler => handler.OnHandle = async (context, token) =>
            {
                seen.Add(await context.GetArtifactCredentialsAsync(token));
                await gate.Task.WaitAsync(token);
                seen.Add(await context.GetArtifactCredentialsAsync(token));
                return JobOutcome.Succeeded();
            });
        await worker.RunUntilAsync(() => seen.Count == 1, "the handler has credentials");

        worker.Time.Advance(TimeSpan.FromMinutes(1));
        gate.SetResult();
        await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1, "the job is done");

        Assert.Multiple(() =>
        {
            Assert.That(seen[0].GetAccessKeyId(), Is.EqualTo(CredentialsCanary.AccessKeyId));
            Assert.That(seen[1].GetSecretAccessKey(), Is.EqualTo(CredentialsCanary.SecretAccessKey));
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.GetThirdPartyJobDetails), Is.EqualTo(2), "claimed once, refreshed once");
        });
    }

    private static JobSpec CanarySpec() => new()
    {
        Configuration = { ["Key"] = ConfigurationCanary, ["Project"] = ConfigurationCanary + "-project" },
        ArtifactCredentials = CredentialsCanary,
        InputArtifacts = { new ArtifactSpec("SourceOutput", "bucket", "source.zip", Revision: "abc123") },
    };

    private static IEnumerable<string> FoundSecrets(string text, RegisteredActionType actionType) =>
        new[] { actionType.ClientToken, ConfigurationCanary, CredentialsCanary.AccessKeyId, CredentialsCanary.SecretAccessKey, CredentialsCanary.SessionToken! }
            .Where(secret => text.Contains(secret, StringComparison.Ordinal));
}
