namespace ThirdPartyJobs.Testing.Tests;

/// <summary>The fidelity issue's emulator items: the Compute category, and waiting for continuation follow-ups.</summary>
public sealed class CategoryAndFollowUpTests : EmulatorTest
{
    [Test]
    public async Task A_Compute_action_type_is_registered_polled_and_run()
    {
        var compute = Emulator.RegisterActionType("Compute", "ThirdParty", "ComputeProvider", "1");
        var jobId = Emulator.CreateJob(compute);

        var claimed = await Client.ClaimOneAsync(compute);
        var put = await Client.PutSuccessAsync(claimed, compute.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(claimed, Is.EqualTo(jobId));
            Assert.That((int)put.StatusCode, Is.EqualTo(200), put.ToString());
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
        });
    }

    [Test]
    public async Task An_unknown_category_is_a_validation_error_in_a_poll_and_an_argument_error_in_registration()
    {
        var response = await Client.CallAsync(
            CodePipelineOperation.PollForThirdPartyJobs,
            new { actionTypeId = new { category = "Orchestrate", owner = "ThirdParty", provider = "TestProvider", version = "1" } });

        Assert.Multiple(() =>
        {
            response.AssertError(400, "ValidationException", Does.Contain("Value 'Orchestrate' at 'actionTypeId.category' failed to satisfy constraint: Member must satisfy enum value set: [Source, Build, Deploy, Test, Invoke, Approval, Compute]"));
            Assert.That(() => Emulator.RegisterActionType("Orchestrate", "ThirdParty", "P", "1"), Throws.ArgumentException.With.Message.Contains("ActionCategory"));
        });
    }

    [Test]
    public async Task Waiting_for_all_jobs_does_not_end_when_a_job_with_a_continuation_token_succeeds()
    {
        Emulator.CreateJob(ActionType);
        var first = await Client.ClaimOneAsync(ActionType);
        var allTerminal = Emulator.WaitForAllJobsTerminalAsync(Within());

        var put = await Client.CallAsync(
            CodePipelineOperation.PutThirdPartyJobSuccessResult,
            new { jobId = first, clientToken = ActionType.ClientToken, continuationToken = "step-2" });

        // The follow-up job exists and is queued: not every job is terminal, so the wait goes on.
        Assert.Multiple(() =>
        {
            Assert.That((int)put.StatusCode, Is.EqualTo(200), put.ToString());
            Assert.That(allTerminal.IsCompleted, Is.False, "the follow-up job has not run yet");
            Assert.That(Emulator.Jobs, Has.Count.EqualTo(2));
        });

        var second = await Client.ClaimOneAsync(ActionType);
        Assert.That(allTerminal.IsCompleted, Is.False, "the follow-up job is in progress");
        await Client.PutSuccessAsync(second, ActionType.ClientToken);
        await allTerminal;

        Assert.That(Emulator.Jobs.Select(j => j.State), Is.All.EqualTo(EmulatedJobState.Succeeded));
    }
}
