namespace ThirdPartyJobs.Testing.Tests;

public sealed class StateMachineTests : EmulatorTest
{
    [Test]
    public async Task A_job_goes_Queued_Dispatched_InProgress_Succeeded()
    {
        var jobId = Emulator.CreateJob(ActionType);
        var queued = Emulator.GetJob(jobId).State;
        await Client.PollOneAsync(ActionType);
        var dispatched = Emulator.GetJob(jobId).State;
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        var inProgress = Emulator.GetJob(jobId).State;
        await Client.PutSuccessAsync(jobId, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.EqualTo(EmulatedJobState.Queued));
            Assert.That(dispatched, Is.EqualTo(EmulatedJobState.Dispatched));
            Assert.That(inProgress, Is.EqualTo(EmulatedJobState.InProgress));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
        });
    }

    [Test]
    public async Task Before_acknowledgement_every_get_issues_a_fresh_nonce_and_only_the_latest_is_valid()
    {
        var jobId = await DispatchJobAsync();
        var first = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        var second = await Client.GetNonceAsync(jobId, ActionType.ClientToken);

        var stale = await Client.AcknowledgeAsync(jobId, first, ActionType.ClientToken);
        var latest = await Client.AcknowledgeAsync(jobId, second, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(stale.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That((int)stale.StatusCode, Is.EqualTo(400));
            Assert.That(latest.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(Emulator.GetJob(jobId).NonceIssuedCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task After_acknowledgement_only_the_acknowledged_nonce_is_valid_and_a_repeated_acknowledge_is_idempotent()
    {
        var jobId = await DispatchJobAsync();
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        var again = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        var repeat = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        var other = await Client.AcknowledgeAsync(jobId, "some-other-nonce", ActionType.ClientToken);
        var late = await Client.AcknowledgeAsync(jobId, again, ActionType.ClientToken);

        var job = Emulator.GetJob(jobId);
        Assert.Multiple(() =>
        {
            // A details call on an owned job (another worker handed the same job) gets a nonce that cannot claim it.
            Assert.That(again, Is.Not.EqualTo(nonce));
            Assert.That(late.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That(repeat.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(other.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That(job.State, Is.EqualTo(EmulatedJobState.InProgress));
            Assert.That(job.NonceIssuedCount, Is.EqualTo(2));
            Assert.That(job.AcknowledgeCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Acknowledging_before_any_nonce_was_issued_is_InvalidNonceException()
    {
        var jobId = await DispatchJobAsync();

        var response = await Client.AcknowledgeAsync(jobId, "guess", ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Dispatched));
        });
    }

    [Test]
    public async Task A_wrong_client_token_is_InvalidClientTokenException_for_every_job_operation()
    {
        var other = Emulator.RegisterActionType("Build", "ThirdParty", "OtherProvider", "1");
        var jobId = await DispatchJobAsync();
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);

        var responses = new[]
        {
            await Client.GetDetailsAsync(jobId, other.ClientToken),
            await Client.AcknowledgeAsync(jobId, nonce, "not-the-token"),
            await Client.PutSuccessAsync(jobId, other.ClientToken),
            await Client.PutFailureAsync(jobId, "not-the-token"),
        };

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                Assert.That(response.ErrorCode, Is.EqualTo("InvalidClientTokenException"), response.ToString());
            }

            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Dispatched));
        });
    }

    [Test]
    public async Task An_unknown_job_is_JobNotFoundException_for_every_job_operation()
    {
        const string Missing = "6a0b1c2d-3e4f-4a5b-8c7d-9e0f1a2b3c4d";

        var responses = new[]
        {
            await Client.GetDetailsAsync(Missing, ActionType.ClientToken),
            await Client.AcknowledgeAsync(Missing, "nonce", ActionType.ClientToken),
            await Client.PutSuccessAsync(Missing, ActionType.ClientToken),
            await Client.PutFailureAsync(Missing, ActionType.ClientToken),
        };

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                Assert.That(response.ErrorCode, Is.EqualTo("JobNotFoundException"), response.ToString());
                Assert.That((int)response.StatusCode, Is.EqualTo(400));
            }
        });
    }

    [Test]
    public async Task A_result_for_a_job_that_was_not_acknowledged_is_InvalidJobStateException()
    {
        var jobId = await DispatchJobAsync();

        var success = await Client.PutSuccessAsync(jobId, ActionType.ClientToken);
        var failure = await Client.PutFailureAsync(jobId, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(success.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(failure.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(Emulator.Results, Is.Empty);
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Dispatched));
        });
    }

    [Test]
    public async Task A_second_result_for_a_finished_job_is_InvalidJobStateException()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.ClaimOneAsync(ActionType);
        await Client.PutFailureAsync(jobId, ActionType.ClientToken);

        var again = await Client.PutSuccessAsync(jobId, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(again.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
            Assert.That(Emulator.Results, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Acknowledging_a_finished_job_with_its_nonce_reports_the_final_state()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.PollOneAsync(ActionType);
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        await Client.PutSuccessAsync(jobId, ActionType.ClientToken);

        var response = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        Assert.That(response.Body, Is.EqualTo("""{"status":"Succeeded"}"""));
    }

    [Test]
    public async Task Details_of_a_job_that_was_never_polled_or_is_finished_are_InvalidJobException()
    {
        var queuedId = Emulator.CreateJob(ActionType);
        var queued = await Client.GetDetailsAsync(queuedId, ActionType.ClientToken);
        var finishedId = await Client.ClaimOneAsync(ActionType);
        await Client.PutSuccessAsync(finishedId, ActionType.ClientToken);

        var finished = await Client.GetDetailsAsync(finishedId, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(queued.ErrorCode, Is.EqualTo("InvalidJobException"));
            Assert.That(finished.ErrorCode, Is.EqualTo("InvalidJobException"));
        });
    }

    [Test]
    public async Task A_job_is_handed_out_once_by_default()
    {
        Emulator.CreateJob(ActionType);
        await Client.PollOneAsync(ActionType);

        var second = await Client.PollAsync(ActionType);

        Assert.That(second.Body, Is.EqualTo("""{"jobs":[]}"""));
    }

    [Test]
    public async Task Jobs_are_not_handed_out_again_once_finished_or_acknowledged()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.ClaimOneAsync(ActionType);

        var afterAck = await Client.PollAsync(ActionType, maxBatchSize: 5);
        await Client.PutSuccessAsync(jobId, ActionType.ClientToken);
        var afterResult = await Client.PollAsync(ActionType, maxBatchSize: 5);

        Assert.Multiple(() =>
        {
            Assert.That(afterAck.Json.GetProperty("jobs").GetArrayLength(), Is.Zero);
            Assert.That(afterResult.Json.GetProperty("jobs").GetArrayLength(), Is.Zero);
        });
    }
}

public sealed class DuplicateDispatchTests : EmulatorTest
{
    [Test]
    public async Task A_job_can_be_handed_to_two_pollers_and_only_the_latest_nonce_wins()
    {
        var jobId = Emulator.CreateJob(ActionType);
        var first = await Client.PollOneAsync(ActionType);
        var second = await Client.PollOneAsync(ActionType);
        var third = await Client.PollAsync(ActionType);

        var nonceOfFirstWorker = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        var nonceOfSecondWorker = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        var ackSecond = await Client.AcknowledgeAsync(jobId, nonceOfSecondWorker, ActionType.ClientToken);
        var ackFirst = await Client.AcknowledgeAsync(jobId, nonceOfFirstWorker, ActionType.ClientToken);

        var job = Emulator.GetJob(jobId);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(jobId));
            Assert.That(second, Is.EqualTo(jobId));
            Assert.That(third.Json.GetProperty("jobs").GetArrayLength(), Is.Zero, "handed out at most twice");
            Assert.That(ackSecond.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(ackFirst.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That(job.DispatchCount, Is.EqualTo(2));
            Assert.That(job.AcknowledgeCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_acknowledged_job_is_not_handed_out_again()
    {
        var jobId = await DispatchJobAsync();
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        var poll = await Client.PollAsync(ActionType);

        Assert.That(poll.Json.GetProperty("jobs").GetArrayLength(), Is.Zero);
    }

    protected override void Configure(CodePipelineEmulatorOptions options) => options.MaxDispatchesPerJob = 2;
}
