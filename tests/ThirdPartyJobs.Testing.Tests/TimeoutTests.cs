namespace ThirdPartyJobs.Testing.Tests;

public sealed class TimeoutTests : EmulatorTest
{
    [Test]
    public async Task A_dispatched_job_times_out_after_the_default_ten_minutes_on_the_emulators_clock()
    {
        var jobId = await DispatchJobAsync();

        Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var justBefore = Emulator.GetJob(jobId).State;
        Time.Advance(TimeSpan.FromSeconds(1));
        var after = Emulator.GetJob(jobId);

        Assert.Multiple(() =>
        {
            Assert.That(ActionType.JobTimeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(justBefore, Is.EqualTo(EmulatedJobState.Dispatched));
            Assert.That(after.State, Is.EqualTo(EmulatedJobState.TimedOut));
            Assert.That(after.CompletedAt, Is.EqualTo(Start.AddMinutes(10)));
        });
    }

    [Test]
    public async Task An_in_progress_job_times_out_and_then_refuses_results()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.PollOneAsync(ActionType);
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        Time.Advance(TimeSpan.FromMinutes(11));
        var result = await Client.PutSuccessAsync(jobId, ActionType.ClientToken);
        var ack = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        var details = await Client.GetDetailsAsync(jobId, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(ack.Body, Is.EqualTo("""{"status":"TimedOut"}"""));
            Assert.That(details.ErrorCode, Is.EqualTo("InvalidJobException"));
            Assert.That(Emulator.Results, Is.Empty);
        });
    }

    [Test]
    public async Task A_queued_job_never_times_out()
    {
        var jobId = Emulator.CreateJob(ActionType);

        Time.Advance(TimeSpan.FromHours(5));

        Assert.Multiple(async () =>
        {
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Queued));
            Assert.That(await Client.PollOneAsync(ActionType), Is.EqualTo(jobId));
        });
    }

    [Test]
    public async Task The_timeout_is_per_action_type()
    {
        var quick = Emulator.RegisterActionType("Test", "ThirdParty", "QuickProvider", "1", TimeSpan.FromSeconds(30));
        var quickJob = Emulator.CreateJob(quick);
        var slowJob = Emulator.CreateJob(ActionType);
        await Client.PollOneAsync(quick);
        await Client.PollOneAsync(ActionType);

        Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.GetJob(quickJob).State, Is.EqualTo(EmulatedJobState.TimedOut));
            Assert.That(Emulator.GetJob(slowJob).State, Is.EqualTo(EmulatedJobState.Dispatched));
        });
    }

    [Test]
    public async Task A_timed_out_job_is_not_handed_out_again()
    {
        Emulator.CreateJob(ActionType);
        await Client.PollOneAsync(ActionType);
        Time.Advance(TimeSpan.FromMinutes(10));

        var poll = await Client.PollAsync(ActionType);

        Assert.That(poll.Json.GetProperty("jobs").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Waiting_for_all_jobs_completes_when_the_clock_passes_the_timeout_without_any_request()
    {
        Emulator.CreateJob(ActionType);
        await Client.PollOneAsync(ActionType);
        var waiting = Emulator.WaitForAllJobsTerminalAsync(Within());

        Assert.That(waiting.IsCompleted, Is.False);
        Time.Advance(TimeSpan.FromMinutes(10));
        await waiting;

        Assert.That(Emulator.Jobs.Single().State, Is.EqualTo(EmulatedJobState.TimedOut));
    }

    [Test]
    public async Task Timeouts_are_evaluated_lazily_on_each_call()
    {
        var clock = new ClockWithoutTimers(Start);
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { TimeProvider = clock });
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "LazyProvider", "1");
        var jobId = emulator.CreateJob(actionType);
        await client.PollOneAsync(actionType);
        var nonce = await client.GetNonceAsync(jobId, actionType.ClientToken);

        clock.Now = Start.AddMinutes(10);
        var ack = await client.AcknowledgeAsync(jobId, nonce, actionType.ClientToken);

        Assert.That(ack.Body, Is.EqualTo("""{"status":"TimedOut"}"""));
    }
}
