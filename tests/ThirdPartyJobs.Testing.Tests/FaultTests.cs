using System.Diagnostics;
using System.Net;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class FaultTests : EmulatorTest
{
    [Test]
    public async Task Throttling_answers_the_next_n_calls_then_stops()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 2);

        var responses = await Client.PollTimesAsync(ActionType, 3);

        Assert.Multiple(() =>
        {
            foreach (var throttled in responses[..2])
            {
                Assert.That((int)throttled.StatusCode, Is.EqualTo(400));
                Assert.That(throttled.ErrorCode, Is.EqualTo("ThrottlingException"));
                Assert.That(throttled.Message, Is.EqualTo("Rate exceeded"));
                Assert.That(throttled.RequestId, Is.Not.Null);
            }

            Assert.That((int)responses[2].StatusCode, Is.EqualTo(200));
            Assert.That(Emulator.Requests.Select(r => r.Fault), Is.EqualTo(new FaultKind?[] { FaultKind.Throttle, FaultKind.Throttle, null }));
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.PollForThirdPartyJobs), Is.EqualTo(3));
        });
    }

    [TestCase(500, "InternalFailure")]
    [TestCase(503, "ServiceUnavailableException")]
    [TestCase(502, "InternalFailure")]
    public async Task Server_errors_answer_the_status_and_code(int status, string code)
    {
        Emulator.Faults.FailNext(CodePipelineOperation.GetThirdPartyJobDetails, statusCode: status);

        var response = await Client.GetDetailsAsync("job", ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status));
            Assert.That(response.ErrorCode, Is.EqualTo(code));
            Assert.That(Emulator.Requests.Single().Fault, Is.EqualTo(FaultKind.ServerError));
        });
    }

    [Test]
    public async Task Scripted_faults_are_consumed_in_the_order_they_were_added()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs);
        Emulator.Faults.FailNext(CodePipelineOperation.PollForThirdPartyJobs, 1, 503);
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs);

        var codes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await Client.PollAsync(ActionType)).ErrorCode);
        }

        Assert.That(codes, Is.EqualTo(new[] { "ThrottlingException", "ServiceUnavailableException", "ThrottlingException", null }));
    }

    [Test]
    public async Task Faults_of_one_operation_leave_the_others_alone()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.AcknowledgeThirdPartyJob);
        Emulator.CreateJob(ActionType);

        var poll = await Client.PollAsync(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That((int)poll.StatusCode, Is.EqualTo(200));
            Assert.That(Emulator.Faults.PendingCount(CodePipelineOperation.AcknowledgeThirdPartyJob), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_faulted_call_does_not_change_the_job()
    {
        var jobId = await DispatchJobAsync();
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
        Emulator.Faults.FailNext(CodePipelineOperation.AcknowledgeThirdPartyJob);

        var failed = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
        var stateAfterFault = Emulator.GetJob(jobId).State;
        var retried = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(failed.ErrorCode, Is.EqualTo("InternalFailure"));
            Assert.That(stateAfterFault, Is.EqualTo(EmulatedJobState.Dispatched));
            Assert.That(retried.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
        });
    }

    [Test]
    public async Task A_delay_holds_the_call_then_answers_normally()
    {
        Emulator.Faults.DelayNext(CodePipelineOperation.PollForThirdPartyJobs, TimeSpan.FromMilliseconds(150));
        var stopwatch = Stopwatch.StartNew();

        var response = await Client.PollAsync(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(120)));
            Assert.That(Emulator.Requests.Single().Fault, Is.EqualTo(FaultKind.Delay));
        });
    }

    [Test]
    public async Task A_delayed_call_that_the_client_gives_up_on_is_dropped()
    {
        Emulator.Faults.DelayNext(CodePipelineOperation.PollForThirdPartyJobs, TimeSpan.FromHours(1));
        using var giveUp = new CancellationTokenSource();
        var call = Client.SendAsync(
            EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs),
            """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"}}""",
            cancellationToken: giveUp.Token);
        await Eventually.TrueAsync(() => Emulator.Faults.PendingCount(CodePipelineOperation.PollForThirdPartyJobs) == 0, "the delay to start");

        await giveUp.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        var recorded = await Emulator.WaitForRequestAsync(r => r.Fault == FaultKind.Delay, Within());
        Assert.Multiple(() =>
        {
            Assert.That(recorded.StatusCode, Is.Zero, "aborted without an answer");
            Assert.That(recorded.StatusCode, Is.Zero);
        });
    }

    [Test]
    public async Task A_reset_aborts_the_connection_without_an_answer()
    {
        Emulator.Faults.ResetNext(CodePipelineOperation.PollForThirdPartyJobs);

        Assert.That(async () => await Client.PollAsync(ActionType), Throws.InstanceOf<HttpRequestException>());
        var next = await Client.PollAsync(ActionType);

        var recorded = Emulator.Requests[0];
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Fault, Is.EqualTo(FaultKind.Reset));
            Assert.That(recorded.StatusCode, Is.Zero, "aborted without an answer");
            Assert.That(recorded.StatusCode, Is.Zero);
            Assert.That((int)next.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task A_raw_response_is_sent_verbatim()
    {
        Emulator.Faults.RespondNext(
            CodePipelineOperation.GetThirdPartyJobDetails,
            200,
            """{"jobDetails":{"id":""",
            headers: new Dictionary<string, string> { ["X-Custom"] = "yes" });

        var response = await Client.GetDetailsAsync("job", ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Body, Is.EqualTo("""{"jobDetails":{"id":"""));
            Assert.That(response.Headers.GetValues("X-Custom").Single(), Is.EqualTo("yes"));
            Assert.That(response.RequestId, Is.Not.Null);
            Assert.That(Emulator.Requests.Single().Fault, Is.EqualTo(FaultKind.RawResponse));
            Assert.That(Emulator.Requests.Single().StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task A_raw_response_can_leave_out_the_request_id_and_content_type()
    {
        Emulator.Faults.RespondNext(
            CodePipelineOperation.PollForThirdPartyJobs,
            502,
            "<html>Bad Gateway</html>",
            contentType: null,
            includeRequestId: false,
            count: 2);

        var responses = await Client.PollTimesAsync(ActionType, 2);

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(502));
                Assert.That(response.Body, Is.EqualTo("<html>Bad Gateway</html>"));
                Assert.That(response.RequestId, Is.Null);
                Assert.That(response.ContentHeaders.ContentType, Is.Null);
            }
        });
    }

    [Test]
    public async Task Clear_drops_pending_faults()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 5);

        Emulator.Faults.Clear();
        var response = await Client.PollAsync(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Emulator.Faults.PendingCount(CodePipelineOperation.PollForThirdPartyJobs), Is.Zero);
        });
    }

    [Test]
    public void Fault_arguments_are_checked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Emulator.Faults.FailNext(CodePipelineOperation.PollForThirdPartyJobs, 1, 404), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Emulator.Faults.DelayNext(CodePipelineOperation.PollForThirdPartyJobs, TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Emulator.Faults.ResetNext((CodePipelineOperation)99), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Emulator.Faults.RespondNext(CodePipelineOperation.PollForThirdPartyJobs, 700, string.Empty), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
