using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Emulator;

/// <summary>Custom actions (issue 14): the same handler and worker as third-party actions, against the emulator over loopback HTTP.</summary>
public sealed class CustomActionWorkerTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal) { ["ImageTag"] = "v1.2.3", ["Build-Id@eu"] = "42" };

    private CodePipelineEmulator _emulator = null!;

    [SetUp]
    public async Task StartEmulator() => _emulator = await CodePipelineEmulator.StartAsync();

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task One_host_serves_a_custom_and_a_third_party_action_type_with_one_handler_and_counts_three_and_four_calls_per_job()
    {
        var custom = _emulator.RegisterActionType("Build", "Custom", "MyBuilder", "1");
        var thirdParty = _emulator.RegisterActionType("Build", "ThirdParty", "PartnerBuilder", "1");
        var customJob = _emulator.CreateJob(custom, new JobSpec { Configuration = { ["Project"] = "demo" } });
        var thirdPartyJob = _emulator.CreateJob(thirdParty, new JobSpec { Configuration = { ["Project"] = "demo" } });

        // One handler for both kinds: output variables where the action type can take them.
        await using var worker = await EmulatorWorker.StartAsync(_emulator, custom, alongside: thirdParty, handler: handler => handler.OnHandle = (context, _) =>
            Task.FromResult(context.AccountId is not null ? JobOutcome.Succeeded(outputVariables: Variables) : JobOutcome.Succeeded()));

        await worker.RunUntilAsync(() => _emulator.Results.Count == 2 && worker.Statistics.InFlight == 0 && worker.AlongsideStatistics!.InFlight == 0, "both jobs are reported");
        await worker.StopAsync();

        var contexts = worker.Handler.Contexts.ToDictionary(c => c.JobId);
        var results = _emulator.Results.ToDictionary(r => r.JobId);
        var requests = _emulator.Requests;
        var customCalls = CallsFor(requests, customJob, CodePipelineOperation.PollForJobs);
        var thirdPartyCalls = CallsFor(requests, thirdPartyJob, CodePipelineOperation.PollForThirdPartyJobs);
        TestContext.Out.WriteLine($"calls per job: custom {customCalls.Count} ({string.Join(", ", customCalls)}), third-party {thirdPartyCalls.Count} ({string.Join(", ", thirdPartyCalls)})");
        Assert.Multiple(() =>
        {
            Assert.That(customCalls, Is.EqualTo(new[] { CodePipelineOperation.PollForJobs, CodePipelineOperation.AcknowledgeJob, CodePipelineOperation.PutJobSuccessResult }), "custom: the data comes with the poll");
            Assert.That(thirdPartyCalls, Is.EqualTo(new[] { CodePipelineOperation.PollForThirdPartyJobs, CodePipelineOperation.GetThirdPartyJobDetails, CodePipelineOperation.AcknowledgeThirdPartyJob, CodePipelineOperation.PutThirdPartyJobSuccessResult }));
            Assert.That(results[customJob].Succeeded && results[thirdPartyJob].Succeeded, Is.True);
            Assert.That(results[customJob].OutputVariables, Is.EquivalentTo(Variables));
            Assert.That(results[thirdPartyJob].OutputVariables, Is.Null.Or.Empty);
            Assert.That(contexts[customJob].AccountId, Is.EqualTo(_emulator.AccountId));
            Assert.That(contexts[customJob].ClientId, Is.Null);
            Assert.That(contexts[customJob].Data.Configuration.GetSecretValue("Project"), Is.EqualTo("demo"));
            Assert.That(contexts[thirdPartyJob].ClientId, Is.EqualTo(thirdParty.ClientId));
            Assert.That(contexts[thirdPartyJob].AccountId, Is.Null);
            Assert.That(contexts[thirdPartyJob].AccountId, Is.Null);
            Assert.That(contexts[customJob].ToString(), Does.Contain("AccountId = " + _emulator.AccountId));
            Assert.That(worker.Statistics.JobsSucceeded, Is.EqualTo(1));
            Assert.That(worker.AlongsideStatistics!.JobsSucceeded, Is.EqualTo(1));
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.GetJobDetails), Is.Zero, "no details call for a custom job with fresh credentials");
        });
    }

    [Test]
    public async Task A_worker_with_a_query_param_polls_with_it_and_runs_only_the_jobs_whose_configuration_matches()
    {
        // An action type with a queryable property: CodePipeline refuses a poll that does not name it.
        var custom = _emulator.RegisterActionType("Build", "Custom", "Queried", "1", queryableProperty: "Project");
        var alpha = _emulator.CreateJob(custom, new JobSpec { Configuration = { ["Project"] = "alpha" } });
        var beta = _emulator.CreateJob(custom, new JobSpec { Configuration = { ["Project"] = "beta" } });

        await using var worker = await EmulatorWorker.StartAsync(_emulator, custom, configure: options => options.QueryParam["Project"] = "alpha");
        await worker.RunUntilAsync(() => _emulator.Results.Count == 1 && worker.Statistics.InFlight == 0, "the matching job is reported");
        await worker.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.Results.Single().JobId, Is.EqualTo(alpha));
            Assert.That(worker.Handler.Contexts.Select(c => c.JobId), Is.EqualTo(new[] { alpha }));
            Assert.That(_emulator.GetJob(beta).State, Is.EqualTo(EmulatedJobState.Queued), "left for a worker that asks for it");
            Assert.That(worker.Logs.WithEventId(2013), Is.Empty, "no poll was refused");
        });
    }

    [Test]
    public async Task A_third_party_job_whose_handler_sets_output_variables_is_reported_as_a_failure_with_a_clear_log_line()
    {
        var thirdParty = _emulator.RegisterActionType("Build", "ThirdParty", "PartnerBuilder", "1");
        var jobId = _emulator.CreateJob(thirdParty);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, thirdParty, handler: handler => handler.OnHandle = (_, _) => Task.FromResult(JobOutcome.Succeeded(outputVariables: Variables)));

        await worker.RunUntilAsync(() => _emulator.Results.Count == 1 && worker.Statistics.InFlight == 0, "the job is reported");

        var result = _emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.JobId, Is.EqualTo(jobId));
            Assert.That(result.Succeeded, Is.False, "never reported as a success without its variables");
            Assert.That(result.FailureType, Is.EqualTo("JobFailed"));
            Assert.That(worker.Logs.WithEventId(2036).Single().Value("ParameterName"), Is.EqualTo("outcome"));
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.PutThirdPartyJobSuccessResult), Is.Zero, "refused before sending");
        });
    }

    [Test]
    public async Task A_custom_job_that_continues_later_gets_its_follow_up_and_sets_its_variables_in_the_last_job()
    {
        var custom = _emulator.RegisterActionType("Deploy", "Custom", "MyDeployer", "1");
        _emulator.CreateJob(custom);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, custom, handler: handler => handler.OnHandle = (context, _) =>
            Task.FromResult(context.ContinuationToken is not null ? JobOutcome.Succeeded(outputVariables: Variables) : JobOutcome.ContinueLater("deployment-7")));

        await worker.RunUntilAsync(() => _emulator.Results.Count == 2 && worker.Statistics.InFlight == 0, "the job and its follow-up are reported");

        var results = _emulator.Results;
        var contexts = worker.Handler.Contexts;
        Assert.Multiple(() =>
        {
            Assert.That(results[0].ContinuationToken, Is.EqualTo("deployment-7"));
            Assert.That(results[0].OutputVariables, Is.Null.Or.Empty);
            Assert.That(results[1].OutputVariables, Is.EquivalentTo(Variables));
            Assert.That(contexts[1].ContinuationToken, Is.EqualTo("deployment-7"));
            Assert.That(worker.Statistics.JobsContinued, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_custom_worker_needs_no_client_token_and_recovers_its_journal_without_one()
    {
        var custom = _emulator.RegisterActionType("Build", "Custom", "MyBuilder", "1");
        var jobId = _emulator.CreateJob(custom);
        var journal = Path.Combine(Path.GetTempPath(), "tpj-tests", Guid.NewGuid().ToString("N"));

        // A worker that died after acknowledging: the job is InProgress and its record is in the journal.
        var client = EmulatorWorker.CreateCustomClient(_emulator);
        var polled = (await client.PollForJobsAsync(EmulatorWorker.ToActionTypeId(custom), 1)).Single();
        await client.AcknowledgeJobAsync(jobId, polled.Nonce!);
        using (var dead = new ThirdPartyJobs.Hosting.Journal.FileJobJournal(journal, EmulatorWorker.WorkerName, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            await dead.WriteAsync(new JobJournalRecord { JobId = jobId, Kind = "Custom", ClientId = polled.AccountId!, AcknowledgedAt = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow.AddMinutes(5) }, CancellationToken.None);
        }

        await using var worker = await EmulatorWorker.StartAsync(_emulator, custom, journalDirectory: journal);
        await worker.RunUntilAsync(() => _emulator.Results.Count == 1 && worker.Logs.WithEventId(2073).Any(), "the recovered job is reported");

        var result = _emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.JobId, Is.EqualTo(jobId));
            Assert.That(result.FailureMessage, Is.EqualTo("The job worker restarted while the job ran."));
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.PutJobFailureResult), Is.EqualTo(1));
            Assert.That(worker.Logs.WithEventId(2073).Single().Value("JobId"), Is.EqualTo(jobId));
        });
    }

    [Test]
    public async Task A_hung_custom_handler_is_reported_failed_at_the_deadline_and_a_second_one_at_shutdown()
    {
        var custom = _emulator.RegisterActionType("Build", "Custom", "HungBuilder", "1");
        var first = _emulator.CreateJob(custom);
        var never = new TaskCompletionSource<JobOutcome>();

        // The handler ignores its token: the worker must report without it.
        await using var worker = await EmulatorWorker.StartAsync(
            _emulator,
            custom,
            options =>
            {
                options.JobTimeout = TimeSpan.FromMinutes(1);
                options.TimeoutSafetyMargin = TimeSpan.FromSeconds(10);
                options.ShutdownGracePeriod = TimeSpan.FromSeconds(1);
            },
            handler => handler.OnHandle = (_, _) => never.Task);

        await worker.RunUntilAsync(() => _emulator.Results.Count == 1, "the deadline failure is reported");
        var second = _emulator.CreateJob(custom);
        await worker.RunUntilAsync(() => worker.Handler.Started == 2, "the second job runs");
        await worker.StopAsync();

        var results = _emulator.Results.ToDictionary(r => r.JobId);
        Assert.Multiple(() =>
        {
            Assert.That(results[first].Succeeded, Is.False);
            Assert.That(worker.Logs.WithEventId(2034).Select(e => e.Value("JobId")), Has.Member(first));
            Assert.That(results.ContainsKey(second) && !results[second].Succeeded, Is.True, "reported at shutdown although its handler never ends");
            Assert.That(_emulator.Jobs, Has.None.Matches<JobSnapshot>(j => j.State == EmulatedJobState.InProgress), "no job abandoned");
        });
    }

    /// <summary>The calls that concern one job, in order: the poll that handed it out, then every call naming its id.</summary>
    private static List<CodePipelineOperation> CallsFor(IReadOnlyList<RecordedRequest> requests, string jobId, CodePipelineOperation poll)
    {
        var calls = requests.Where(r => r.Operation is { } op && op != poll && r.Body.Contains(jobId, StringComparison.Ordinal)).ToList();
        var deliveringPoll = requests.Last(r => r.Operation == poll && r.Sequence < calls[0].Sequence);
        return [deliveringPoll.Operation!.Value, .. calls.Select(r => r.Operation!.Value)];
    }
}
