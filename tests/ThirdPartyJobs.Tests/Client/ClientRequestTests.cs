using System.Text;
using Moq;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Client;

/// <summary>What each client method hands the transport, and what it makes of the answer.</summary>
[TestFixture]
public sealed class ClientRequestTests : ScriptedClientFixture
{
    [Test]
    public async Task GetJobDetailsAsync_sends_the_operation_and_parses_the_answer()
    {
        Transport.ThenReturn(SampleResponses.FullJobDetails);

        var job = (await Client.GetJobDetailsAsync("job-1", "client-token-1"))!;

        var request = Transport.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Operation, Is.EqualTo("GetThirdPartyJobDetails"));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("""{"jobId":"job-1","clientToken":"client-token-1"}"""));
            Assert.That(request.JobId, Is.EqualTo("job-1"));
            Assert.That(request.Secrets, Is.EqualTo(new[] { "client-token-1" }));
            Assert.That(job.Id, Is.EqualTo(SampleResponses.JobId));
            Assert.That(job.Data!.InputArtifacts, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task PollForJobsAsync_sends_the_action_type_and_batch_size()
    {
        Transport.ThenReturn(SampleResponses.TwoJobs);

        var jobs = await Client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyProvider", "1"), 10);

        var request = Transport.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Operation, Is.EqualTo("PollForThirdPartyJobs"));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("""{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"MyProvider","version":"1"},"maxBatchSize":10}"""));
            Assert.That(request.JobId, Is.Null);
            Assert.That(request.Secrets, Is.Empty);
            Assert.That(jobs, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task PollForJobsAsync_with_no_jobs_returns_an_empty_list()
    {
        Transport.ThenReturn(SampleResponses.NoJobs);

        var jobs = await Client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyProvider", "1"), 1);

        Assert.That(jobs, Is.Empty);
    }

    [Test]
    public async Task AcknowledgeJobAsync_sends_the_nonce_and_treats_it_as_secret()
    {
        Transport.ThenReturn(SampleResponses.AcknowledgedInProgress);

        var status = await Client.AcknowledgeJobAsync("job-1", "nonce-3", "client-token-1");

        var request = Transport.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Operation, Is.EqualTo("AcknowledgeThirdPartyJob"));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("""{"jobId":"job-1","nonce":"nonce-3","clientToken":"client-token-1"}"""));
            Assert.That(request.Secrets, Is.EquivalentTo(new[] { "client-token-1", "nonce-3" }));
            Assert.That(status, Is.SameAs(JobStatus.InProgress));
        });
    }

    [Test]
    public async Task PutJobSuccessResultAsync_sends_every_member()
    {
        Transport.ThenReturn(SampleResponses.Empty);

        await Client.PutJobSuccessResultAsync(
            "job-1",
            "client-token-1",
            new CurrentRevision("rev", "chg", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), "summary"),
            "cont",
            new ExecutionDetails("done", "ext", 100));

        var request = Transport.Requests.Single();
        Assert.That(request.Operation, Is.EqualTo("PutThirdPartyJobSuccessResult"));
        Assert.That(request.Secrets, Is.EqualTo(new[] { "client-token-1" }));
        Assert.That(
            Encoding.UTF8.GetString(request.Body),
            Is.EqualTo("""{"jobId":"job-1","clientToken":"client-token-1","currentRevision":{"revision":"rev","changeIdentifier":"chg","created":1700000000.123,"revisionSummary":"summary"},"continuationToken":"cont","executionDetails":{"summary":"done","externalExecutionId":"ext","percentComplete":100}}"""));
    }

    [Test]
    public async Task PutJobSuccessResultAsync_with_only_required_members()
    {
        Transport.ThenReturn(SampleResponses.Empty);

        await Client.PutJobSuccessResultAsync("job-1", "client-token-1");

        Assert.That(Encoding.UTF8.GetString(Transport.Requests.Single().Body), Is.EqualTo("""{"jobId":"job-1","clientToken":"client-token-1"}"""));
    }

    [Test]
    public async Task PutJobFailureResultAsync_sends_the_failure()
    {
        Transport.ThenReturn(SampleResponses.Empty);

        await Client.PutJobFailureResultAsync("job-1", "client-token-1", new FailureDetails(FailureType.RevisionUnavailable, "gone"));

        var request = Transport.Requests.Single();
        Assert.That(request.Operation, Is.EqualTo("PutThirdPartyJobFailureResult"));
        Assert.That(request.Secrets, Is.EqualTo(new[] { "client-token-1" }));
        Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("""{"jobId":"job-1","clientToken":"client-token-1","failureDetails":{"type":"RevisionUnavailable","message":"gone"}}"""));
    }

    [Test]
    public async Task Put_results_ignore_whatever_body_the_service_returns()
    {
        Transport.ThenReturn("""{"unexpected":"but fine"}""");

        await Client.PutJobSuccessResultAsync("job-1", "client-token-1");
        await Client.PutJobFailureResultAsync("job-1", "client-token-1", new FailureDetails(FailureType.JobFailed, "x"));

        Assert.That(Transport.Attempts, Is.EqualTo(2));
    }

    [Test]
    public void A_malformed_answer_is_not_retried_and_carries_the_request_id()
    {
        Transport.Then((_, _) => Task.FromResult(new TransportResponse(Encoding.UTF8.GetBytes("{\"jobDetails\":"), "req-broken")));

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => Client.GetJobDetailsAsync("job-1", "client-token-1"));

        Assert.That(error!.RequestId, Is.EqualTo("req-broken"));
        Assert.That(error.JobId, Is.EqualTo("job-1"));
        Assert.That(Transport.Attempts, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_disposes_the_transport()
    {
        Client.Dispose();

        Transport.Mock.Verify(transport => transport.Dispose(), Times.Once);
    }

    [Test]
    public void The_public_constructor_rejects_invalid_options_before_creating_an_sdk_client()
    {
        var options = new ThirdPartyJobsOptions { Retry = { MaxAttempts = 0 } };

        var error = Assert.Throws<ArgumentException>(() => _ = ThirdPartyJobClient.Create(awsOptions: null, options));

        Assert.That(error!.Message, Does.Contain("ThirdPartyJobs:Retry:MaxAttempts"));
    }
}
