using System.Text.Json;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class OperationTests : EmulatorTest
{
    [Test]
    public async Task Poll_returns_queued_jobs_with_the_client_id()
    {
        var jobId = Emulator.CreateJob(ActionType);

        var response = await Client.PollAsync(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Body, Is.EqualTo($$$"""{"jobs":[{"clientId":"{{{ActionType.ClientId}}}","jobId":"{{{jobId}}}"}]}"""));
            Assert.That(Guid.TryParse(ActionType.ClientId, out _), Is.True);
        });
    }

    [Test]
    public async Task Poll_with_nothing_queued_returns_an_empty_list()
    {
        var response = await Client.PollAsync(ActionType);

        Assert.That(response.Body, Is.EqualTo("""{"jobs":[]}"""));
    }

    [Test]
    public async Task Poll_hands_out_one_job_by_default_and_up_to_maxBatchSize_in_creation_order()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Emulator.CreateJob(ActionType)).ToList();

        var first = await Client.PollAsync(ActionType);
        var next = await Client.PollAsync(ActionType, maxBatchSize: 3);
        var rest = await Client.PollAsync(ActionType, maxBatchSize: 10);

        static List<string> JobIds(EmulatorResponse r) =>
            r.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(JobIds(first), Is.EqualTo(ids.Take(1)));
            Assert.That(JobIds(next), Is.EqualTo(ids.Skip(1).Take(3)));
            Assert.That(JobIds(rest), Is.EqualTo(ids.Skip(4)));
        });
    }

    [Test]
    public async Task Each_action_type_has_its_own_queue()
    {
        var other = Emulator.RegisterActionType("Deploy", "ThirdParty", "OtherProvider", "2");
        var mine = Emulator.CreateJob(ActionType);
        var theirs = Emulator.CreateJob(other);

        var polledMine = await Client.PollOneAsync(ActionType);
        var polledTheirs = await Client.PollAsync(other);

        Assert.Multiple(() =>
        {
            Assert.That(polledMine, Is.EqualTo(mine));
            Assert.That(polledTheirs.Json.GetProperty("jobs")[0].GetProperty("jobId").GetString(), Is.EqualTo(theirs));
            Assert.That(polledTheirs.Json.GetProperty("jobs")[0].GetProperty("clientId").GetString(), Is.EqualTo(other.ClientId));
        });
    }

    [Test]
    public async Task Get_details_returns_the_full_job_data_shape()
    {
        var credentials = new EmulatorCredential("ASIAARTIFACTKEY00001", "artifact-secret", "artifact-session-token");
        var jobId = Emulator.CreateJob(ActionType, new JobSpec
        {
            Configuration = { ["ProjectName"] = "demo", ["Mode"] = "fast" },
            PipelineName = "my-pipeline",
            StageName = "BuildStage",
            ActionName = "BuildAction",
            ActionExecutionId = "0a1b2c3d-0000-4000-8000-000000000001",
            InputArtifacts = { new ArtifactSpec("SourceOutput", "artifact-bucket", "my-pipeline/SourceOut/abc.zip", "rev-123") },
            OutputArtifacts = { new ArtifactSpec("BuildOutput", "artifact-bucket", "my-pipeline/BuildOut/def.zip") },
            ArtifactCredentials = credentials,
            EncryptionKeyId = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ContinuationToken = "resume-here",
        });
        await Client.PollOneAsync(ActionType);

        var response = await Client.GetDetailsAsync(jobId, ActionType.ClientToken);

        var details = response.Json.GetProperty("jobDetails");
        var expectedData = """
            {
              "actionTypeId": {"category": "Build", "owner": "ThirdParty", "provider": "TestProvider", "version": "1"},
              "actionConfiguration": {"configuration": {"ProjectName": "demo", "Mode": "fast"}},
              "pipelineContext": {
                "pipelineName": "my-pipeline",
                "stage": {"name": "BuildStage"},
                "action": {"name": "BuildAction", "actionExecutionId": "0a1b2c3d-0000-4000-8000-000000000001"}
              },
              "inputArtifacts": [{"name": "SourceOutput", "revision": "rev-123", "location": {"type": "S3", "s3Location": {"bucketName": "artifact-bucket", "objectKey": "my-pipeline/SourceOut/abc.zip"}}}],
              "outputArtifacts": [{"name": "BuildOutput", "location": {"type": "S3", "s3Location": {"bucketName": "artifact-bucket", "objectKey": "my-pipeline/BuildOut/def.zip"}}}],
              "artifactCredentials": {"accessKeyId": "ASIAARTIFACTKEY00001", "secretAccessKey": "artifact-secret", "sessionToken": "artifact-session-token"},
              "continuationToken": "resume-here",
              "encryptionKey": {"id": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "type": "KMS"}
            }
            """;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
            Assert.That(details.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "data", "nonce" }));
            Assert.That(details.GetProperty("id").GetString(), Is.EqualTo(jobId));
            Assert.That(details.GetProperty("nonce").GetString(), Has.Length.InRange(1, 50));
            Assert.That(JsonElement.DeepEquals(details.GetProperty("data"), JsonDocument.Parse(expectedData).RootElement), Is.True, details.GetProperty("data").ToString());
        });
    }

    [Test]
    public async Task Absent_optional_members_are_left_out_not_null()
    {
        var jobId = await DispatchJobAsync();

        var response = await Client.GetDetailsAsync(jobId, ActionType.ClientToken);

        var data = response.Json.GetProperty("jobDetails").GetProperty("data");
        var context = data.GetProperty("pipelineContext");
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Does.Not.Contain("null"));
            Assert.That(data.TryGetProperty("continuationToken", out _), Is.False);
            Assert.That(data.TryGetProperty("encryptionKey", out _), Is.False);
            Assert.That(context.TryGetProperty("pipelineArn", out _), Is.False);
            Assert.That(context.TryGetProperty("pipelineExecutionId", out _), Is.False);
            Assert.That(data.GetProperty("inputArtifacts").GetArrayLength(), Is.Zero);
            Assert.That(data.GetProperty("actionConfiguration").GetProperty("configuration").EnumerateObject(), Is.Empty);
            Assert.That(Guid.TryParse(context.GetProperty("action").GetProperty("actionExecutionId").GetString(), out _), Is.True);
        });
    }

    [Test]
    public async Task Generated_artifact_credentials_look_like_temporary_credentials_and_differ_per_job()
    {
        var first = Emulator.CreateJob(ActionType);
        var second = Emulator.CreateJob(ActionType);
        await Client.PollAsync(ActionType, maxBatchSize: 2);

        var a = (await Client.GetDetailsAsync(first, ActionType.ClientToken)).Json.GetProperty("jobDetails").GetProperty("data").GetProperty("artifactCredentials");
        var b = (await Client.GetDetailsAsync(second, ActionType.ClientToken)).Json.GetProperty("jobDetails").GetProperty("data").GetProperty("artifactCredentials");

        Assert.Multiple(() =>
        {
            Assert.That(a.GetProperty("accessKeyId").GetString(), Does.Match("^ASIA[A-Z2-7]{16}$"));
            Assert.That(a.GetProperty("secretAccessKey").GetString(), Has.Length.EqualTo(40));
            Assert.That(a.GetProperty("sessionToken").GetString(), Is.Not.Empty);
            Assert.That(b.GetProperty("secretAccessKey").GetString(), Is.Not.EqualTo(a.GetProperty("secretAccessKey").GetString()));
        });
    }

    [Test]
    public async Task Raw_job_data_is_returned_verbatim()
    {
        const string Data = """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"},"inputArtifacts":[],"futureField":{"nested":[1,2.5,"x"]},"pipelineContext":{"pipelineName":"p","pipelineArn":"arn:aws:codepipeline:us-east-1:123456789012:p"}}""";
        var jobId = Emulator.CreateJobWithRawData(ActionType, Data);
        await Client.PollOneAsync(ActionType);

        var response = await Client.GetDetailsAsync(jobId, ActionType.ClientToken);

        Assert.That(response.Json.GetProperty("jobDetails").GetProperty("data").GetRawText(), Is.EqualTo(Data));
    }

    [Test]
    public async Task Acknowledge_returns_InProgress()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.PollOneAsync(ActionType);
        var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);

        var response = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);

        Assert.That(response.Body, Is.EqualTo("""{"status":"InProgress"}"""));
    }

    [Test]
    public async Task Put_success_answers_an_empty_object_and_records_everything_sent()
    {
        var (jobId, response) = await PutSuccessOfAClaimedJobAsync(
            """
            "currentRevision":{"revision":"abc123","changeIdentifier":"change-1","created":1710408413.123,"revisionSummary":"Fix things"},
             "executionDetails":{"summary":"Built 3 things","externalExecutionId":"ext-9","percentComplete":100}
            """);

        var result = Emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Body, Is.EqualTo("{}"));
            Assert.That(result.JobId, Is.EqualTo(jobId));
            Assert.That(result.Succeeded, Is.True);
            Assert.That(Emulator.GetJob(result.JobId).CompletedAt, Is.EqualTo(Start), "when the result was accepted");
            Assert.That((result.FailureType, result.FailureMessage), Is.EqualTo(((string?)null, (string?)null)));
            Assert.That(result.ContinuationToken, Is.Null);
            Assert.That((result.Revision, result.ChangeIdentifier, result.RevisionCreated, result.RevisionSummary), Is.EqualTo(("abc123", "change-1", (DateTimeOffset?)DateTimeOffset.FromUnixTimeMilliseconds(1710408413123), "Fix things")));
            Assert.That((result.Summary, result.ExternalExecutionId, result.PercentComplete), Is.EqualTo(("Built 3 things", "ext-9", (int?)100)));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
        });
    }

    [Test]
    public async Task A_created_time_in_whole_or_exponent_seconds_is_read()
    {
        await PutSuccessOfAClaimedJobAsync("""
            "currentRevision":{"revision":"r","changeIdentifier":"c","created":1.7104084E9}
            """);

        Assert.That(Emulator.Results.Single().RevisionCreated, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1710408400)));
    }

    [Test]
    public async Task A_created_time_sent_as_a_string_is_SerializationException()
    {
        var (jobId, response) = await PutSuccessOfAClaimedJobAsync("""
            "currentRevision":{"revision":"r","changeIdentifier":"c","created":"2024-01-01T00:00:00Z"}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("SerializationException"));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.InProgress));
        });
    }

    [Test]
    public async Task Put_failure_answers_an_empty_object_and_records_the_failure_details()
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.ClaimOneAsync(ActionType);

        var response = await Client.CallAsync(
            CodePipelineOperation.PutThirdPartyJobFailureResult,
            new { jobId, clientToken = ActionType.ClientToken, failureDetails = new { type = "ConfigurationError", message = "Missing ProjectName", externalExecutionId = "ext-1" } });

        var result = Emulator.Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Is.EqualTo("{}"));
            Assert.That(result.Succeeded, Is.False);
            Assert.That((result.FailureType, result.FailureMessage, result.ExternalExecutionId), Is.EqualTo(("ConfigurationError", "Missing ProjectName", "ext-1")));
            Assert.That(Emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Failed));
        });
    }

    [Test]
    public async Task Poll_of_an_unregistered_action_type_is_ActionTypeNotFoundException()
    {
        var response = await Client.CallAsync(
            CodePipelineOperation.PollForThirdPartyJobs,
            new { actionTypeId = new { category = "Test", owner = "ThirdParty", provider = "Nobody", version = "1" } });

        response.AssertError(400, "ActionTypeNotFoundException");
    }

    /// <summary>Claims a new job and puts a success result for it whose members after jobId and clientToken are <paramref name="members"/> (raw JSON).</summary>
    private async Task<(string JobId, EmulatorResponse Response)> PutSuccessOfAClaimedJobAsync(string members)
    {
        Emulator.CreateJob(ActionType);
        var jobId = await Client.ClaimOneAsync(ActionType);
        var response = await Client.SendAsync(
            EmulatorClient.Target(CodePipelineOperation.PutThirdPartyJobSuccessResult),
            $$"""{"jobId":"{{jobId}}","clientToken":"{{ActionType.ClientToken}}",{{members}}}""");
        return (jobId, response);
    }
}
