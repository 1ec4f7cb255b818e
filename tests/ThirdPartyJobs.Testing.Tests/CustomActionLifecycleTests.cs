namespace ThirdPartyJobs.Testing.Tests;

/// <summary>The custom-action operations over HTTP: the lifecycle, output variables, continuations and timeouts.</summary>
public sealed class CustomActionLifecycleTests : CustomActionTest
{
    [Test]
    public async Task A_custom_job_runs_poll_acknowledge_report_with_its_data_nonce_and_account_id_from_the_poll()
    {
        var jobId = Emulator.CreateJob(Custom, new JobSpec { Configuration = { ["Project"] = "demo" }, PipelineName = "my-pipeline" });

        var poll = await Client.PollForJobsAsync(Custom, maxBatchSize: 5);
        var job = poll.Json.GetProperty("jobs")[0];
        var ack = await Client.AcknowledgeJobAsync(jobId, job.GetProperty("nonce").GetString()!);
        var put = await Client.PutJobSuccessAsync(jobId, outputVariables: new Dictionary<string, string> { ["ImageTag"] = "v1.2.3", ["commit@id-1_x"] = "" });

        var result = Emulator.Results.Single();
        var context = job.GetProperty("data").GetProperty("pipelineContext");
        Assert.Multiple(() =>
        {
            Assert.That((int)poll.StatusCode, Is.EqualTo(200), poll.ToString());
            Assert.That(poll.Json.GetProperty("jobs").GetArrayLength(), Is.EqualTo(1));
            Assert.That(job.GetProperty("id").GetString(), Is.EqualTo(jobId));
            Assert.That(job.GetProperty("accountId").GetString(), Is.EqualTo(Emulator.AccountId).And.EqualTo("123456789012"));
            Assert.That(job.GetProperty("nonce").GetString(), Is.Not.Empty);
            Assert.That(job.TryGetProperty("clientId", out _), Is.False, "custom jobs have no client id");
            Assert.That(job.GetProperty("data").GetProperty("actionConfiguration").GetProperty("configuration").GetProperty("Project").GetString(), Is.EqualTo("demo"));
            Assert.That(job.GetProperty("data").GetProperty("actionTypeId").GetProperty("owner").GetString(), Is.EqualTo("Custom"));
            Assert.That(context.GetProperty("pipelineArn").GetString(), Is.EqualTo("arn:aws:codepipeline:us-east-1:123456789012:my-pipeline"));
            Assert.That(Guid.TryParse(context.GetProperty("pipelineExecutionId").GetString(), out _), Is.True);
            Assert.That(ack.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(put.Body, Is.EqualTo("{}"));
            Assert.That(result.JobId, Is.EqualTo(jobId));
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.OutputVariables, Is.EqualTo(new Dictionary<string, string> { ["ImageTag"] = "v1.2.3", ["commit@id-1_x"] = "" }));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
            Assert.That(Emulator.GetJob(jobId).NonceIssuedCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetJobDetails_returns_the_data_and_account_id_without_a_nonce_in_every_state()
    {
        var jobId = Emulator.CreateJob(Custom, new JobSpec { Configuration = { ["Project"] = "demo" } });
        var queued = await Client.GetJobDetailsAsync(jobId);
        var claimed = await Client.ClaimOneJobAsync(Custom);
        var inProgress = await Client.GetJobDetailsAsync(jobId);
        await Client.PutJobSuccessAsync(claimed);
        var finished = await Client.GetJobDetailsAsync(jobId);

        Assert.Multiple(() =>
        {
            foreach (var response in new[] { queued, inProgress, finished })
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
                var details = response.Json.GetProperty("jobDetails");
                Assert.That(details.GetProperty("id").GetString(), Is.EqualTo(jobId));
                Assert.That(details.GetProperty("accountId").GetString(), Is.EqualTo(Emulator.AccountId));
                Assert.That(details.GetProperty("data").GetProperty("artifactCredentials").GetProperty("accessKeyId").GetString(), Does.StartWith("ASIA"));
                Assert.That(details.TryGetProperty("nonce", out _), Is.False);
            }
        });
    }

    [Test]
    public async Task A_failure_result_is_recorded_and_a_second_result_is_an_invalid_job_state()
    {
        var jobId = Emulator.CreateJob(Custom);
        await Client.ClaimOneJobAsync(Custom);

        var failed = await Client.PutJobFailureAsync(jobId, "ConfigurationError", "bad setting");
        var again = await Client.PutJobSuccessAsync(jobId);

        var result = Emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Body, Is.EqualTo("{}"));
            Assert.That(result.Succeeded, Is.False);
            Assert.That((result.FailureType, result.FailureMessage, result.ExternalExecutionId), Is.EqualTo(("ConfigurationError", "bad setting", (string?)null)));
            Assert.That(result.OutputVariables, Is.Null);
            Assert.That(again.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
        });
    }

    [Test]
    public async Task A_poll_without_maxBatchSize_hands_out_one_job()
    {
        Emulator.CreateJob(Custom);
        Emulator.CreateJob(Custom);

        var first = await Client.PollForJobsAsync(Custom);
        var second = await Client.PollForJobsAsync(Custom, maxBatchSize: 10);

        Assert.Multiple(() =>
        {
            Assert.That(first.Json.GetProperty("jobs").GetArrayLength(), Is.EqualTo(1));
            Assert.That(second.Json.GetProperty("jobs").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_result_before_the_acknowledge_is_an_invalid_job_state()
    {
        var jobId = Emulator.CreateJob(Custom);
        await Client.PollOneJobAsync(Custom);

        var put = await Client.PutJobSuccessAsync(jobId);

        Assert.Multiple(() =>
        {
            Assert.That(put.ErrorCode, Is.EqualTo("InvalidJobStateException"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Dispatched));
        });
    }

    [Test]
    public async Task A_continuation_queues_a_follow_up_that_carries_the_token_and_is_waited_for()
    {
        var first = Emulator.CreateJob(Custom, new JobSpec { Configuration = { ["Project"] = "demo" } });
        await Client.ClaimOneJobAsync(Custom);
        var allTerminal = Emulator.WaitForAllJobsTerminalAsync(Within());

        var put = await Client.PutJobSuccessAsync(first, continuationToken: "step-2");
        Assert.That(allTerminal.IsCompleted, Is.False, "the follow-up job has not run yet");
        var poll = await Client.PollForJobsAsync(Custom);
        var followUp = poll.Json.GetProperty("jobs")[0];
        var followUpId = followUp.GetProperty("id").GetString()!;
        await Client.AcknowledgeJobAsync(followUpId, followUp.GetProperty("nonce").GetString()!);
        await Client.PutJobSuccessAsync(followUpId, outputVariables: new Dictionary<string, string> { ["Done"] = "yes" });
        await allTerminal;

        Assert.Multiple(() =>
        {
            Assert.That(put.Body, Is.EqualTo("{}"));
            Assert.That(followUp.GetProperty("data").GetProperty("continuationToken").GetString(), Is.EqualTo("step-2"));
            Assert.That(Emulator.GetJob(followUpId).ContinuationOfJobId, Is.EqualTo(first));
            Assert.That(Emulator.Results.Select(r => r.FollowUpJobId), Is.EqualTo(new[] { followUpId, null }));
            Assert.That(Emulator.Results[1].OutputVariables!["Done"], Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task A_custom_job_without_a_result_times_out_after_its_first_dispatch()
    {
        var timed = Emulator.RegisterActionType("Test", "Custom", "Slow", "1", jobTimeout: TimeSpan.FromMinutes(5));
        var jobId = Emulator.CreateJob(timed);
        await Client.ClaimOneJobAsync(timed);

        Time.Advance(TimeSpan.FromMinutes(5));
        var put = await Client.PutJobSuccessAsync(jobId);
        await Emulator.WaitForAllJobsTerminalAsync(Within());

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.TimedOut));
            Assert.That(put.ErrorCode, Is.EqualTo("InvalidJobStateException"));
        });
    }
}
