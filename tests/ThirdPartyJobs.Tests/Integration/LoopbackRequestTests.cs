using System.Globalization;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>What goes over the wire: the real AWS SDK pipeline against a canned server on 127.0.0.1.</summary>
[TestFixture]
public sealed class LoopbackRequestTests : LoopbackFixture
{
    [Test]
    public async Task GetJobDetails_is_a_signed_aws_json_1_1_post()
    {
        Server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails));

        var job = (await Client.GetJobDetailsAsync("job-1", "client-token-1"))!;

        var request = Server.Requests.Single();
        var authorization = SigV4Verifier.Parse(request.Header("Authorization"));
        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo(SampleResponses.JobId));
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/"));
            Assert.That(request.Header("X-Amz-Target"), Is.EqualTo("CodePipeline_20150709.GetThirdPartyJobDetails"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/x-amz-json-1.1"));
            Assert.That(request.Body, Is.EqualTo("""{"jobId":"job-1","clientToken":"client-token-1"}"""));
            Assert.That(request.Header("Authorization"), Does.Match(
                $@"^AWS4-HMAC-SHA256 Credential={LoopbackClient.AccessKeyId}/\d{{8}}/{LoopbackClient.AuthenticationRegion}/codepipeline/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{{64}}$"));
            Assert.That(authorization.Date, Is.EqualTo(request.Header("X-Amz-Date")[..8]));
            Assert.That(authorization.SignedHeaders, Is.SupersetOf(new[] { "content-type", "host", "x-amz-date", "x-amz-target" }));
            Assert.That(DateTime.ParseExact(request.Header("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)));
            Assert.That(SigV4Verifier.IsValid(request, LoopbackClient.SecretAccessKey), Is.True, "the signature verifies with the secret key");
            Assert.That(SigV4Verifier.IsValid(request, "some-other-secret"), Is.False, "and only with it");
            Assert.That(request.Header("amz-sdk-request"), Is.EqualTo("attempt=1; max=3"), "attempts counted as the official SDKs count them: the Polly pipeline's");
            Assert.That(Guid.TryParse(request.Header("amz-sdk-invocation-id"), out _), Is.True);
            Assert.That(request.Header("User-Agent"), Does.StartWith("aws-sdk-dotnet-coreclr/" + ThirdPartyJobs.Protocol.AwsSdk.LibraryUserAgent.SdkVersion + " "), "the AWS SDK's own version in the SDK's slot");
            Assert.That(request.Header("User-Agent"), Does.Match(@" lib/ThirdPartyJobs#\d+\.\d+"), "the library names itself through the SDK's extension point");
        });
    }

    private static IEnumerable<TestCaseData> Operations()
    {
        yield return new TestCaseData(
            "GetThirdPartyJobDetails",
            SampleResponses.MinimalJobDetails,
            (Func<IThirdPartyJobClient, Task>)(c => c.GetJobDetailsAsync("j-1", "tok")),
            """{"jobId":"j-1","clientToken":"tok"}""").SetName("{m}(GetThirdPartyJobDetails)");
        yield return new TestCaseData(
            "PollForThirdPartyJobs",
            SampleResponses.TwoJobs,
            (Func<IThirdPartyJobClient, Task>)(c => c.PollForJobsAsync(new ActionTypeId(ActionCategory.Deploy, ActionOwner.ThirdParty, "Prov", "1"), 2)),
            """{"actionTypeId":{"category":"Deploy","owner":"ThirdParty","provider":"Prov","version":"1"},"maxBatchSize":2}""").SetName("{m}(PollForThirdPartyJobs)");
        yield return new TestCaseData(
            "AcknowledgeThirdPartyJob",
            SampleResponses.AcknowledgedInProgress,
            (Func<IThirdPartyJobClient, Task>)(c => c.AcknowledgeJobAsync("j-1", "3", "tok")),
            """{"jobId":"j-1","nonce":"3","clientToken":"tok"}""").SetName("{m}(AcknowledgeThirdPartyJob)");
        yield return new TestCaseData(
            "PutThirdPartyJobSuccessResult",
            SampleResponses.Empty,
            (Func<IThirdPartyJobClient, Task>)(c => c.PutJobSuccessResultAsync("j-1", "tok", new CurrentRevision("r", "c", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)), "ct", new ExecutionDetails("s", "e", 50))),
            """{"jobId":"j-1","clientToken":"tok","currentRevision":{"revision":"r","changeIdentifier":"c","created":1700000000.123},"continuationToken":"ct","executionDetails":{"summary":"s","externalExecutionId":"e","percentComplete":50}}""").SetName("{m}(PutThirdPartyJobSuccessResult)");
        yield return new TestCaseData(
            "PutThirdPartyJobFailureResult",
            SampleResponses.Empty,
            (Func<IThirdPartyJobClient, Task>)(c => c.PutJobFailureResultAsync("j-1", "tok", new FailureDetails(FailureType.JobFailed, "boom", "ext"))),
            """{"jobId":"j-1","clientToken":"tok","failureDetails":{"type":"JobFailed","message":"boom","externalExecutionId":"ext"}}""").SetName("{m}(PutThirdPartyJobFailureResult)");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Each_operation_sends_its_target_and_body(string operation, string answer, Func<IThirdPartyJobClient, Task> call, string body)
    {
        Server.Reply(CannedResponse.Json(200, answer));

        await call(Client);

        var request = Server.Requests.Single();
        Assert.That(request.Header("X-Amz-Target"), Is.EqualTo("CodePipeline_20150709." + operation));
        Assert.That(request.Body, Is.EqualTo(body));
        Assert.That(SigV4Verifier.IsValid(request, LoopbackClient.SecretAccessKey), Is.True);
    }

    [Test]
    public async Task Session_credentials_send_the_security_token()
    {
        using var client = NewClient(awsOptions: new Amazon.Extensions.NETCore.Setup.AWSOptions
        {
            Credentials = new Amazon.Runtime.SessionAWSCredentials("ASIALOOPBACKEXAMPLE", "session-secret", "session-token-value"),
            DefaultClientConfig = { ServiceURL = Server.BaseUrl, AuthenticationRegion = "us-west-2" },
        });
        Server.Reply(CannedResponse.Json(200, SampleResponses.AcknowledgedInProgress));

        await client.AcknowledgeJobAsync("j", "1", "t");

        var request = Server.Requests.Single();
        Assert.That(request.Header("X-Amz-Security-Token"), Is.EqualTo("session-token-value"));
        Assert.That(SigV4Verifier.Parse(request.Header("Authorization")).Region, Is.EqualTo("us-west-2"));
        Assert.That(SigV4Verifier.IsValid(request, "session-secret"), Is.True);
    }

    [Test]
    public async Task Without_an_authentication_region_a_local_endpoint_is_signed_for_us_east_1()
    {
        using var client = NewClient(awsOptions: new Amazon.Extensions.NETCore.Setup.AWSOptions
        {
            Credentials = new Amazon.Runtime.BasicAWSCredentials(LoopbackClient.AccessKeyId, LoopbackClient.SecretAccessKey),
            DefaultClientConfig = { ServiceURL = Server.BaseUrl },
        });
        Server.Reply(CannedResponse.Json(200, SampleResponses.NoJobs));

        await client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1);

        Assert.That(SigV4Verifier.Parse(Server.Requests.Single().Header("Authorization")).Region, Is.EqualTo("us-east-1"));
    }
}
