namespace ThirdPartyJobs.Testing.Tests;

public sealed class InspectionTests : EmulatorTest
{
    [Test]
    public async Task Every_request_is_recorded_with_what_was_sent_and_answered()
    {
        var response = await Client.GetDetailsAsync("unknown-job", ActionType.ClientToken);

        var recorded = Emulator.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Sequence, Is.EqualTo(1));
            Assert.That(recorded.RequestId, Is.EqualTo(response.RequestId));
            Assert.That(recorded.Operation, Is.EqualTo(CodePipelineOperation.GetThirdPartyJobDetails));
            Assert.That(recorded.Headers["X-Amz-Target"], Is.EqualTo("CodePipeline_20150709.GetThirdPartyJobDetails"));
            Assert.That(recorded.Method, Is.EqualTo("POST"));
            Assert.That(recorded.Path, Is.EqualTo("/"));
            Assert.That(recorded.Headers["x-amz-target"], Is.EqualTo("CodePipeline_20150709.GetThirdPartyJobDetails"));
            Assert.That(recorded.Headers["Authorization"], Does.StartWith("AWS4-HMAC-SHA256 Credential=" + Emulator.Credential.AccessKeyId));
            Assert.That(recorded.Body, Is.EqualTo($$$"""{"jobId":"unknown-job","clientToken":"{{{ActionType.ClientToken}}}"}"""));
            Assert.That(recorded.ReceivedAt, Is.EqualTo(Start));
            Assert.That(recorded.StatusCode, Is.EqualTo(400));
            Assert.That(recorded.ErrorCode, Is.EqualTo("JobNotFoundException"));
            Assert.That(recorded.Fault, Is.Null);
            Assert.That(recorded.StatusCode, Is.Not.Zero, "answered, not aborted");
        });
    }

    [Test]
    public async Task Call_counts_are_kept_per_operation_whatever_the_outcome()
    {
        await Client.PollAsync(ActionType);
        await Client.PollAsync(ActionType);
        await Client.GetDetailsAsync("x", "y");
        Client.SecretKey = "wrong";
        await Client.PollAsync(ActionType);
        await Client.SendAsync("CodePipeline_20150709.Unknown", "{}");

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.PollForThirdPartyJobs), Is.EqualTo(3));
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.GetThirdPartyJobDetails), Is.EqualTo(1));
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.AcknowledgeThirdPartyJob), Is.Zero);
            Assert.That(Emulator.Requests, Has.Count.EqualTo(5));
            Assert.That(Emulator.Requests[^1].Operation, Is.Null);
            Assert.That(Emulator.Requests[^1].Headers["X-Amz-Target"], Is.EqualTo("CodePipeline_20150709.Unknown"));
        });
    }

    [Test]
    public async Task Job_snapshots_show_times_and_counters()
    {
        var jobId = Emulator.CreateJob(ActionType);
        Time.Advance(TimeSpan.FromSeconds(5));
        await Client.PollOneAsync(ActionType);
        await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        Time.Advance(TimeSpan.FromSeconds(7));
        await Client.PutSuccessAsync(jobId, ActionType.ClientToken);

        var job = Emulator.Jobs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(job.JobId, Is.EqualTo(jobId));
            Assert.That(job.ActionType, Is.SameAs(ActionType));
            Assert.That(job.State, Is.EqualTo(EmulatedJobState.Succeeded));
            Assert.That(job.IsTerminal, Is.True);
            Assert.That(job.CreatedAt, Is.EqualTo(Start));
            Assert.That(job.DispatchedAt, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(job.CompletedAt, Is.EqualTo(Start.AddSeconds(12)));
            Assert.That(job.DispatchCount, Is.EqualTo(1));
            Assert.That(job.NonceIssuedCount, Is.EqualTo(2));
            Assert.That(job.AcknowledgeCount, Is.EqualTo(1));
            Assert.That(job.ContinuationOfJobId, Is.Null);
            Assert.That(Emulator.GetJob(Emulator.Results.Single().JobId).CompletedAt, Is.EqualTo(Start.AddSeconds(12)), "when the result was accepted");
        });
    }

    [Test]
    public async Task Waiting_for_a_request_sees_past_and_future_requests()
    {
        await Client.PollAsync(ActionType);
        var past = await Emulator.WaitForRequestAsync(r => r.Operation == CodePipelineOperation.PollForThirdPartyJobs, Within());
        var future = Emulator.WaitForRequestAsync(r => r.Operation == CodePipelineOperation.AcknowledgeThirdPartyJob, Within());

        Assert.That(future.IsCompleted, Is.False);
        await Client.AcknowledgeAsync("job", "nonce", ActionType.ClientToken);
        var acknowledged = await future;

        Assert.Multiple(() =>
        {
            Assert.That(past.Sequence, Is.EqualTo(1));
            Assert.That(acknowledged.Sequence, Is.EqualTo(2));
            Assert.That(acknowledged.ErrorCode, Is.EqualTo("JobNotFoundException"));
        });
    }

    [Test]
    public async Task Waiting_for_all_jobs_completes_when_the_last_result_arrives()
    {
        Emulator.CreateJob(ActionType);
        Emulator.CreateJob(ActionType);
        var first = await Client.ClaimOneAsync(ActionType);
        var second = await Client.ClaimOneAsync(ActionType);
        var waiting = Emulator.WaitForAllJobsTerminalAsync(Within());
        await Client.PutSuccessAsync(first, ActionType.ClientToken);
        var afterFirst = waiting.IsCompleted;

        await Client.PutFailureAsync(second, ActionType.ClientToken);
        await waiting;

        Assert.That(afterFirst, Is.False);
    }
}
