using Microsoft.Extensions.DependencyInjection;
using ThirdPartyJobs.Hosting.Journal;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Emulator;

/// <summary>
/// Crash recovery against the emulator: a job a dead worker acknowledged (and journaled) is
/// reported by the next worker that starts with the same journal, before it polls.
/// </summary>
public sealed class RecoveryTests
{
    private CodePipelineEmulator _emulator = null!;
    private string _journal = null!;

    [SetUp]
    public async Task StartEmulator()
    {
        _emulator = await CodePipelineEmulator.StartAsync();
        _journal = Path.Combine(Path.GetTempPath(), "tpj-tests", Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public async Task StopEmulator()
    {
        await _emulator.DisposeAsync();
        if (Directory.Exists(_journal))
        {
            Directory.Delete(_journal, recursive: true);
        }
    }

    [Test]
    public async Task A_job_left_in_progress_by_a_dead_worker_is_reported_failed_before_the_next_worker_polls()
    {
        var actionType = _emulator.RegisterActionType("Build", "ThirdParty", "Crashy", "1");
        var jobId = _emulator.CreateJob(actionType);
        await ClaimAndDieAsync(actionType, jobId);
        var pollsBefore = _emulator.GetCallCount(CodePipelineOperation.PollForThirdPartyJobs);

        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, journalDirectory: _journal);
        await worker.RunUntilAsync(() => _emulator.GetJob(jobId).IsTerminal && worker.Statistics.JobsRecovered == 1, "the job is recovered");

        var result = _emulator.Results.Single();
        var report = _emulator.Requests.First(r => r.Operation == CodePipelineOperation.PutThirdPartyJobFailureResult);
        var firstPoll = _emulator.Requests.Where(r => r.Operation == CodePipelineOperation.PollForThirdPartyJobs).Skip(pollsBefore).FirstOrDefault();
        Assert.Multiple(() =>
        {
            Assert.That(_emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
            Assert.That(result.FailureType, Is.EqualTo("JobFailed"));
            Assert.That(result.FailureMessage, Is.EqualTo("The job worker restarted while the job ran."));
            Assert.That(result.ExternalExecutionId, Is.Null);
            Assert.That(firstPoll is null || firstPoll.Sequence > report.Sequence, Is.True, "reported before the first poll");
            Assert.That(worker.Logs.WithEventId(2073).Single().Value("JobId"), Is.EqualTo(jobId));
            Assert.That(Directory.GetFiles(_journal, "*.json", SearchOption.AllDirectories), Is.Empty, "the record went with the report");
        });
    }

    [Test]
    public async Task A_recovery_handler_may_continue_the_work_in_a_follow_up_job()
    {
        var actionType = _emulator.RegisterActionType("Deploy", "ThirdParty", "Resumer", "1");
        var jobId = _emulator.CreateJob(actionType);
        await ClaimAndDieAsync(actionType, jobId);
        var hook = new ContinueHook();

        await using var worker = await EmulatorWorker.StartAsync(
            _emulator,
            actionType,
            journalDirectory: _journal,
            configureServices: services => services.AddSingleton<IJobRecoveryHandler>(hook));
        await worker.RunUntilAsync(() => worker.Handler.Contexts.Any(c => c.ContinuationToken is not null) && worker.Statistics.JobsSucceeded == 1, "the follow-up job runs");

        Assert.Multiple(() =>
        {
            Assert.That(hook.Seen.Single().JobId, Is.EqualTo(jobId));
            Assert.That(_emulator.Results.First(r => r.JobId == jobId).ContinuationToken, Is.EqualTo("restart:" + jobId));
            Assert.That(worker.Handler.Contexts.Single().ContinuationToken, Is.EqualTo("restart:" + jobId));
        });
    }

    [Test]
    public async Task A_job_that_already_has_a_result_is_dropped_from_the_journal_without_a_second_report()
    {
        var actionType = _emulator.RegisterActionType("Test", "ThirdParty", "Late", "1");
        var jobId = _emulator.CreateJob(actionType);
        var client = await ClaimAndDieAsync(actionType, jobId);

        // The dead worker's report got through; only the journal's removal was lost.
        await client.PutJobSuccessResultAsync(jobId, actionType.ClientToken, null, null, null, CancellationToken.None);
        await using var worker = await EmulatorWorker.StartAsync(_emulator, actionType, journalDirectory: _journal);
        await worker.RunUntilAsync(() => Directory.GetFiles(_journal, "*.json", SearchOption.AllDirectories).Length == 0 && worker.Statistics.InFlight == 0, "the record is dropped");

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.Results, Has.Count.EqualTo(1), "reported once");
            Assert.That(_emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
        });
    }

    [TestCase("ThirdParty", "Custom", CodePipelineOperation.PutThirdPartyJobFailureResult, CodePipelineOperation.PutJobFailureResult)]
    [TestCase("Custom", "ThirdParty", CodePipelineOperation.PutJobFailureResult, CodePipelineOperation.PutThirdPartyJobFailureResult)]
    public async Task A_record_of_the_other_kind_is_reported_through_its_own_api(string recordKind, string workerKind, CodePipelineOperation expected, CodePipelineOperation wrong)
    {
        // The worker's action type changed kind since the dead instance wrote its record.
        var dead = _emulator.RegisterActionType("Build", recordKind, "Before", "1");
        var now = _emulator.RegisterActionType("Build", workerKind, "After", "1");
        var jobId = _emulator.CreateJob(dead);
        if (recordKind == "Custom")
        {
            await ClaimCustomAndDieAsync(dead, jobId);
        }
        else
        {
            await ClaimAndDieAsync(dead, jobId);
        }

        // The third-party record's client token is configured (a custom worker needs none for its own jobs).
        await using var worker = await EmulatorWorker.StartAsync(_emulator, now, journalDirectory: _journal, configure: options => options.ClientTokens[dead.ClientId] = dead.ClientToken);
        await worker.RunUntilAsync(() => _emulator.GetJob(jobId).IsTerminal && worker.Statistics.JobsRecovered == 1, "the job is recovered");

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
            Assert.That(_emulator.GetCallCount(expected), Is.EqualTo(1));
            Assert.That(_emulator.GetCallCount(wrong), Is.Zero, "never tried against the other kind's API");
            Assert.That(Directory.GetFiles(_journal, "*.json", SearchOption.AllDirectories), Is.Empty, "the record went with the report");
        });
    }

    [Test]
    public async Task A_third_party_record_a_custom_worker_has_no_client_token_for_stays_in_the_journal_logged_once()
    {
        var dead = _emulator.RegisterActionType("Build", "ThirdParty", "Before", "1");
        var now = _emulator.RegisterActionType("Build", "Custom", "After", "1");
        var jobId = _emulator.CreateJob(dead);
        await ClaimAndDieAsync(dead, jobId);

        await using var worker = await EmulatorWorker.StartAsync(_emulator, now, journalDirectory: _journal);
        await worker.RunUntilAsync(() => worker.Logs.WithEventId(2076).Any() && worker.Statistics.InFlight == 0, "the record is passed over");
        await worker.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(worker.Logs.WithEventId(2076).Single().Value("JobId"), Is.EqualTo(jobId));
            Assert.That(worker.Logs.WithEventId(2076).Single().Value("Kind"), Is.EqualTo("ThirdParty"));
            Assert.That(_emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.InProgress), "not reported through any API");
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.PutJobFailureResult), Is.Zero);
            Assert.That(_emulator.GetCallCount(CodePipelineOperation.PutThirdPartyJobFailureResult), Is.Zero);
            Assert.That(Directory.GetFiles(_journal, "*.json", SearchOption.AllDirectories), Has.Length.EqualTo(1), "the record stays for a worker that can report it");
        });
    }

    /// <summary>What a worker killed mid-job leaves: the job acknowledged (InProgress) and its journal record.</summary>
    private async Task<IThirdPartyJobClient> ClaimAndDieAsync(RegisteredActionType actionType, string jobId)
    {
        var client = EmulatorWorker.CreateClient(_emulator);
        var jobs = await client.PollForJobsAsync(EmulatorWorker.ToActionTypeId(actionType), 1, CancellationToken.None);
        var details = await client.GetJobDetailsAsync(jobs.Single().JobId!, actionType.ClientToken, CancellationToken.None);
        await client.AcknowledgeJobAsync(jobId, details!.Nonce!, actionType.ClientToken, CancellationToken.None);
        var dead = new FileJobJournal(_journal, EmulatorWorker.WorkerName, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await dead.WriteAsync(
            new JobJournalRecord { JobId = jobId, Kind = "ThirdParty", ClientId = actionType.ClientId, AcknowledgedAt = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow.AddMinutes(5) },
            CancellationToken.None);
        dead.Dispose(); // the process's death releases its lock
        return client;
    }

    /// <summary>The same for a custom job: acknowledged with the custom API, recorded as <c>Custom</c> with the account id.</summary>
    private async Task ClaimCustomAndDieAsync(RegisteredActionType actionType, string jobId)
    {
        var client = EmulatorWorker.CreateCustomClient(_emulator);
        var polled = (await client.PollForJobsAsync(EmulatorWorker.ToActionTypeId(actionType), 1)).Single();
        await client.AcknowledgeJobAsync(jobId, polled.Nonce!);
        using var dead = new FileJobJournal(_journal, EmulatorWorker.WorkerName, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await dead.WriteAsync(
            new JobJournalRecord { JobId = jobId, Kind = "Custom", ClientId = polled.AccountId!, AcknowledgedAt = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow.AddMinutes(5) },
            CancellationToken.None);
    }

    private sealed class ContinueHook : IJobRecoveryHandler
    {
        public List<JobJournalRecord> Seen { get; } = [];

        public Task<JobOutcome> RecoverAsync(JobJournalRecord record, CancellationToken cancellationToken)
        {
            Seen.Add(record);
            return Task.FromResult(JobOutcome.ContinueLater("restart:" + record.JobId));
        }
    }
}
