using System.Net;
using ThirdPartyJobs.Tests.Integration;

namespace ThirdPartyJobs.Tests.Client;

/// <summary>Issue 14, the client: the five custom-action operations over the real SDK pipeline, with no client token.</summary>
[TestFixture]
public sealed class CustomJobClientTests
{
    private const string DataJson = """{"actionTypeId":{"category":"Build","owner":"Custom","provider":"MyBuild","version":"1"},"actionConfiguration":{"configuration":{"Project":"p"}},"artifactCredentials":{"accessKeyId":"ASIAEXAMPLEKEY000001","secretAccessKey":"s","sessionToken":"t"}}""";

    private CannedHttpServer _server = null!;
    private ICustomJobClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new CannedHttpServer();
        _client = CustomJobClient.Create(LoopbackClient.AwsOptions(_server.BaseUrl), LoopbackClient.FastOptions(maxAttempts: 2));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task Poll_returns_jobs_with_their_data_nonce_and_account()
    {
        _server.Reply(CannedResponse.Json(200, """{"jobs":[{"id":"j-1","nonce":"7","accountId":"111122223333","data":""" + DataJson + "},null]}"));

        var jobs = await _client.PollForJobsAsync(ThirdPartyJobsModelFactory.ActionTypeId(owner: ActionOwner.Custom, provider: "MyBuild"), 2, new Dictionary<string, string> { ["Project"] = "p" });

        var job = jobs.Single();
        var request = _server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That((job.Id, job.Nonce, job.AccountId), Is.EqualTo(("j-1", "7", "111122223333")));
            Assert.That(job.Data!.Configuration.GetSecretValue("Project"), Is.EqualTo("p"));
            Assert.That(job.Data.ArtifactCredentials!.GetSessionToken(), Is.EqualTo("t"));
            Assert.That(request.Header("X-Amz-Target"), Is.EqualTo("CodePipeline_20150709.PollForJobs"));
            Assert.That(request.Body, Is.EqualTo("""{"actionTypeId":{"category":"Build","owner":"Custom","provider":"MyBuild","version":"1"},"maxBatchSize":2,"queryParam":{"Project":"p"}}"""));
        });
    }

    [Test]
    public async Task Acknowledge_get_details_and_results_send_no_client_token()
    {
        _server.Reply(
            CannedResponse.Json(200, """{"status":"InProgress"}"""),
            CannedResponse.Json(200, """{"jobDetails":{"id":"j-1","accountId":"111122223333","data":""" + DataJson + "}}"),
            CannedResponse.Json(200, ""),
            CannedResponse.Json(200, ""));

        Assert.That(await _client.AcknowledgeJobAsync("j-1", "7"), Is.SameAs(JobStatus.InProgress));
        var details = (await _client.GetJobDetailsAsync("j-1"))!;
        await _client.PutJobSuccessResultAsync("j-1", executionDetails: new ExecutionDetails("done"), outputVariables: new Dictionary<string, string> { ["imageTag"] = "v42" });
        await _client.PutJobFailureResultAsync("j-1", new FailureDetails(FailureType.JobFailed, "boom"));

        var requests = _server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That((details.Id, details.AccountId), Is.EqualTo(("j-1", "111122223333")));
            Assert.That(requests.Select(r => r.Header("X-Amz-Target")[(r.Header("X-Amz-Target").IndexOf('.', StringComparison.Ordinal) + 1)..]), Is.EqualTo(new[] { "AcknowledgeJob", "GetJobDetails", "PutJobSuccessResult", "PutJobFailureResult" }));
            Assert.That(requests.Select(r => r.Body), Has.None.Contains("clientToken"));
            Assert.That(requests[0].Body, Is.EqualTo("""{"jobId":"j-1","nonce":"7"}"""));
            Assert.That(requests[2].Body, Is.EqualTo("""{"jobId":"j-1","executionDetails":{"summary":"done"},"outputVariables":{"imageTag":"v42"}}"""));
        });
    }

    [Test]
    public void Output_variables_size_exceeded_is_typed_and_not_retried()
    {
        _server.Reply(CannedResponse.Error(400, "OutputVariablesSizeExceededException", "Exceeded the total size limit for all variables in the pipeline."));

        var error = Assert.ThrowsAsync<OutputVariablesSizeExceededException>(() => _client.PutJobSuccessResultAsync("j-1", outputVariables: new Dictionary<string, string> { ["a"] = "b" }));

        Assert.That((error!.StatusCode, error.Attempts, error.Operation), Is.EqualTo(((HttpStatusCode?)HttpStatusCode.BadRequest, 1, "PutJobSuccessResult")));
        Assert.That(error.ServiceMessage, Is.EqualTo("Exceeded the total size limit for all variables in the pipeline."));
    }

    [Test]
    public void Arguments_that_break_the_model_are_refused_before_sending()
    {
        var type = ThirdPartyJobsModelFactory.ActionTypeId(owner: ActionOwner.Custom);
        Assert.Multiple(() =>
        {
            Assert.That(() => _client.PutJobSuccessResultAsync("j", continuationToken: "c", outputVariables: new Dictionary<string, string> { ["a"] = "b" }), Throws.ArgumentException.With.Message.Contains("continuation token"));
            Assert.That(() => _client.PutJobSuccessResultAsync("j", outputVariables: new Dictionary<string, string> { ["bad key"] = "b" }), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => _client.PollForJobsAsync(type, queryParam: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }), Throws.ArgumentException.With.Message.Contains("at most one"));
            Assert.That(() => _client.PollForJobsAsync(type, queryParam: new Dictionary<string, string> { ["a"] = "not ok!" }), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => _client.AcknowledgeJobAsync("j", ""), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => _client.PollForJobsAsync(type, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public async Task Sparse_answers_are_returned_as_sent()
    {
        _server.Reply(CannedResponse.Json(200, """{"jobs":[{"id":"j"}]}"""), CannedResponse.Json(200, "{}"));

        var job = (await _client.PollForJobsAsync(ThirdPartyJobsModelFactory.ActionTypeId(owner: ActionOwner.Custom))).Single();

        Assert.That((job.Id, job.Nonce, job.Data, job.AccountId), Is.EqualTo(("j", (string?)null, (JobData?)null, (string?)null)));
        Assert.That(await _client.GetJobDetailsAsync("j"), Is.Null);
    }

    [Test]
    public void The_model_factory_builds_custom_jobs()
    {
        var job = ThirdPartyJobsModelFactory.CustomJob(id: "j-9");

        Assert.That((job.Id, job.Nonce, job.AccountId, job.Data!.ActionTypeId!.Owner), Is.EqualTo(("j-9", "1", "111122223333", ActionOwner.Custom)));
        var details = ThirdPartyJobsModelFactory.CustomJob(id: "j-9", fillDefaults: false);
        Assert.That((details.Nonce, details.Data), Is.EqualTo(((string?)null, (JobData?)null)));
    }

    [Test]
    public void AddThirdPartyJobs_registers_the_custom_job_client_too()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, LoopbackClient.AwsOptions(_server.BaseUrl));
        Microsoft.Extensions.DependencyInjection.ThirdPartyJobsServiceCollectionExtensions.AddThirdPartyJobs(services);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ICustomJobClient>(provider);

        Assert.That(client, Is.TypeOf<CodePipelineCustomJobClient>());
        Assert.That(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ICustomJobClient>(provider), Is.SameAs(client), "one per process");
    }
}
