namespace ThirdPartyJobs.Testing.Tests;

public sealed class ContinuationTests : EmulatorTest
{
    [Test]
    public async Task A_success_with_a_continuation_token_queues_a_follow_up_job_carrying_the_token()
    {
        Emulator.CreateJob(ActionType, new JobSpec { Configuration = { ["Project"] = "demo" } });
        var jobId = await Client.ClaimOneAsync(ActionType);
        var originalData = (await Client.GetDetailsAsync(jobId, ActionType.ClientToken)).Json.GetProperty("jobDetails").GetProperty("data");

        var put = await Client.CallAsync(
            CodePipelineOperation.PutThirdPartyJobSuccessResult,
            new { jobId, clientToken = ActionType.ClientToken, continuationToken = "step-2", executionDetails = new { percentComplete = 50 } });
        var followUpId = await Client.PollOneAsync(ActionType);
        await Client.GetNonceAsync(followUpId, ActionType.ClientToken);
        var followUpData = (await Client.GetDetailsAsync(followUpId, ActionType.ClientToken)).Json.GetProperty("jobDetails").GetProperty("data");

        var result = Emulator.Results.Single();
        var followUp = Emulator.GetJob(followUpId);
        Assert.Multiple(() =>
        {
            Assert.That(put.Body, Is.EqualTo("{}"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
            Assert.That(followUpId, Is.Not.EqualTo(jobId));
            Assert.That(result.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(result.FollowUpJobId, Is.EqualTo(followUpId));
            Assert.That(followUp.ContinuationOfJobId, Is.EqualTo(jobId));
            Assert.That(followUp.ActionType, Is.SameAs(ActionType));
            Assert.That(followUpData.GetProperty("continuationToken").GetString(), Is.EqualTo("step-2"));
            Assert.That(originalData.TryGetProperty("continuationToken", out _), Is.False);
            Assert.That(followUpData.GetProperty("actionConfiguration").ToString(), Is.EqualTo(originalData.GetProperty("actionConfiguration").ToString()));
            Assert.That(followUpData.GetProperty("pipelineContext").ToString(), Is.EqualTo(originalData.GetProperty("pipelineContext").ToString()));
        });
    }

    [Test]
    public async Task A_chain_of_continuations_ends_when_a_success_carries_no_token()
    {
        Emulator.CreateJob(ActionType);
        var first = await Client.ClaimOneAsync(ActionType);
        await Client.CallAsync(CodePipelineOperation.PutThirdPartyJobSuccessResult, new { jobId = first, clientToken = ActionType.ClientToken, continuationToken = "a" });
        var second = await Client.ClaimOneAsync(ActionType);
        await Client.CallAsync(CodePipelineOperation.PutThirdPartyJobSuccessResult, new { jobId = second, clientToken = ActionType.ClientToken, continuationToken = "b" });
        var third = await Client.ClaimOneAsync(ActionType);
        await Client.PutSuccessAsync(third, ActionType.ClientToken);

        await Emulator.WaitForAllJobsTerminalAsync(Within());

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Jobs.Select(j => j.ContinuationOfJobId), Is.EqualTo(new[] { null, first, second }));
            Assert.That(Emulator.Jobs, Has.All.Matches<JobSnapshot>(j => j.State == EmulatedJobState.Succeeded));
            Assert.That(Emulator.Results.Select(r => r.ContinuationToken), Is.EqualTo(new[] { "a", "b", null }));
        });
    }

    [Test]
    public async Task A_continuation_of_raw_data_keeps_the_raw_members()
    {
        Emulator.CreateJobWithRawData(ActionType, """{"custom":{"x":1},"continuationToken":"old"}""");
        var jobId = await Client.ClaimOneAsync(ActionType);
        await Client.CallAsync(CodePipelineOperation.PutThirdPartyJobSuccessResult, new { jobId, clientToken = ActionType.ClientToken, continuationToken = "new" });
        var followUpId = await Client.PollOneAsync(ActionType);

        var data = (await Client.GetDetailsAsync(followUpId, ActionType.ClientToken)).Json.GetProperty("jobDetails").GetProperty("data");

        Assert.That(data.GetRawText(), Is.EqualTo("""{"custom":{"x":1},"continuationToken":"new"}"""));
    }
}
