namespace ThirdPartyJobs.Testing.Tests;

public sealed class ProtocolTests : EmulatorTest
{
    private const string PollBody = """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"}}""";

    [Test]
    public async Task Every_answer_carries_a_request_id_guid_the_json_content_type_and_a_date_on_the_emulators_clock()
    {
        var success = await Client.PollAsync(ActionType);
        var failure = await Client.GetDetailsAsync("missing", ActionType.ClientToken);

        foreach (var response in new[] { success, failure })
        {
            Assert.Multiple(() =>
            {
                Assert.That(Guid.TryParse(response.RequestId, out _), Is.True, response.ToString());
                Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/x-amz-json-1.1"));
                Assert.That(response.Headers.Date, Is.EqualTo(Start));
                Assert.That(response.Headers.Contains("Server"), Is.False);
            });
        }

        Assert.That(success.RequestId, Is.Not.EqualTo(failure.RequestId));
    }

    [Test]
    public async Task An_unknown_target_is_UnknownOperationException()
    {
        var response = await Client.SendAsync("CodePipeline_20150709.DeletePipelineOfEverything", "{}");

        response.AssertError(400, "UnknownOperationException");
    }

    [Test]
    public async Task A_target_of_another_service_version_is_UnknownOperationException()
    {
        var response = await Client.SendAsync("CodePipeline_20991231.PollForThirdPartyJobs", PollBody);

        Assert.That(response.ErrorCode, Is.EqualTo("UnknownOperationException"));
    }

    [Test]
    public async Task A_missing_target_is_UnknownOperationException()
    {
        var response = await Client.SendAsync(null, PollBody);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("UnknownOperationException"));
            Assert.That(response.Message, Does.Contain("X-Amz-Target"));
        });
    }

    [Test]
    public async Task A_wrong_content_type_is_UnknownOperationException()
    {
        var response = await Client.SendAsync(EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs), PollBody, contentType: "application/json");

        response.AssertError(400, "UnknownOperationException", Does.Contain("application/x-amz-json-1.1"));
    }

    [Test]
    public async Task A_content_type_with_a_charset_is_accepted()
    {
        var response = await Client.SendAsync(EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs), PollBody, contentType: "application/x-amz-json-1.1; charset=utf-8");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
    }

    [TestCase("{\"actionTypeId\":")]
    [TestCase("not json at all")]
    [TestCase("[1,2,3]")]
    public async Task A_malformed_body_is_SerializationException(string body)
    {
        var response = await Client.SendAsync(EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs), body);

        response.AssertError(400, "SerializationException");
    }

    [Test]
    public async Task A_member_of_the_wrong_json_type_is_SerializationException()
    {
        var response = await Client.CallAsync(CodePipelineOperation.GetThirdPartyJobDetails, new { jobId = 42, clientToken = "t" });

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("SerializationException"));
            Assert.That(response.Message, Does.Contain("jobId"));
        });
    }

    [Test]
    public async Task Missing_required_members_are_one_ValidationException_naming_each()
    {
        var response = await Client.CallAsync(CodePipelineOperation.AcknowledgeThirdPartyJob, new { nonce = "n" });

        response.AssertError(
            400,
            "ValidationException",
            Does.StartWith("2 validation errors detected: ")
                .And.Contain("Value null at 'jobId' failed to satisfy constraint: Member must not be null")
                .And.Contain("Value null at 'clientToken' failed to satisfy constraint: Member must not be null"));
    }

    [Test]
    public async Task Json_null_counts_as_absent()
    {
        var response = await Client.SendAsync(EmulatorClient.Target(CodePipelineOperation.GetThirdPartyJobDetails), """{"jobId":null,"clientToken":"x"}""");

        Assert.That(response.Message, Does.Contain("Value null at 'jobId'"));
    }

    [Test]
    public async Task Unknown_members_are_ignored()
    {
        var response = await Client.SendAsync(
            EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs),
            """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1","extra":1},"somethingNew":true}""");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
    }

    [TestCase(CodePipelineOperation.GetThirdPartyJobDetails, "jobId", 513, "Member must have length less than or equal to 512")]
    [TestCase(CodePipelineOperation.GetThirdPartyJobDetails, "jobId", 0, "Member must have length greater than or equal to 1")]
    [TestCase(CodePipelineOperation.AcknowledgeThirdPartyJob, "nonce", 51, "Member must have length less than or equal to 50")]
    [TestCase(CodePipelineOperation.PutThirdPartyJobSuccessResult, "continuationToken", 2049, "Member must have length less than or equal to 2048")]
    public async Task Length_constraints_of_the_model_are_enforced(CodePipelineOperation operation, string member, int length, string constraint)
    {
        var input = new Dictionary<string, object>
        {
            ["jobId"] = "job",
            ["nonce"] = "nonce",
            ["clientToken"] = "token",
            [member] = new string('x', length),
        };

        var response = await Client.CallAsync(operation, input);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(response.Message, Does.StartWith("1 validation error detected: "));
            Assert.That(response.Message, Does.Contain($"at '{member}' failed to satisfy constraint: {constraint}"));
        });
    }

    [Test]
    public async Task A_too_long_client_token_is_rejected_without_echoing_it()
    {
        var token = "SECRET" + new string('s', 300);

        var response = await Client.GetDetailsAsync("job", token);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(response.Message, Does.Contain("Value at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 256"));
            Assert.That(response.Body, Does.Not.Contain("SECRET"));
        });
    }

    [Test]
    public async Task Action_type_members_are_checked_for_enum_values_and_patterns()
    {
        var response = await Client.CallAsync(
            CodePipelineOperation.PollForThirdPartyJobs,
            new { actionTypeId = new { category = "Compile", owner = "ThirdParty", provider = "bad provider!", version = "1234567890" }, maxBatchSize = 0 });

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(response.Message, Does.StartWith("4 validation errors detected: "));
            Assert.That(response.Message, Does.Contain("Value 'Compile' at 'actionTypeId.category' failed to satisfy constraint: Member must satisfy enum value set: [Source, Build, Deploy, Test, Invoke, Approval, Compute]"));
            Assert.That(response.Message, Does.Contain("Value 'bad provider!' at 'actionTypeId.provider' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z_-]+"));
            Assert.That(response.Message, Does.Contain("Value '1234567890' at 'actionTypeId.version' failed to satisfy constraint: Member must have length less than or equal to 9"));
            Assert.That(response.Message, Does.Not.Contain("Value '1234567890' at 'actionTypeId.version' failed to satisfy constraint: Member must satisfy regular expression pattern"));
            Assert.That(response.Message, Does.Contain("Value '0' at 'maxBatchSize' failed to satisfy constraint: Member must have value greater than or equal to 1"));
        });
    }

    [Test]
    public async Task Nested_result_members_are_validated_with_their_paths()
    {
        var response = await Client.CallAsync(
            CodePipelineOperation.PutThirdPartyJobSuccessResult,
            new
            {
                jobId = "job",
                clientToken = "token",
                currentRevision = new { revision = "r" },
                executionDetails = new { percentComplete = 101 },
            });

        Assert.Multiple(() =>
        {
            Assert.That(response.Message, Does.StartWith("2 validation errors detected: "));
            Assert.That(response.Message, Does.Contain("Value null at 'currentRevision.changeIdentifier'"));
            Assert.That(response.Message, Does.Contain("Value '101' at 'executionDetails.percentComplete' failed to satisfy constraint: Member must have value less than or equal to 100"));
        });
    }

    [Test]
    public async Task A_failure_type_outside_the_enum_is_ValidationException()
    {
        var response = await Client.PutFailureAsync("job", "token", type: "Oops");

        Assert.That(response.Message, Does.Contain("at 'failureDetails.type' failed to satisfy constraint: Member must satisfy enum value set: [JobFailed, ConfigurationError, PermissionError, RevisionOutOfSync, RevisionUnavailable, SystemUnavailable]"));
    }

    [Test]
    public async Task Failure_details_are_required()
    {
        var response = await Client.CallAsync(CodePipelineOperation.PutThirdPartyJobFailureResult, new { jobId = "job", clientToken = "token" });

        Assert.That(response.Message, Is.EqualTo("1 validation error detected: Value null at 'failureDetails' failed to satisfy constraint: Member must not be null"));
    }

    [Test]
    public async Task Validation_comes_before_the_job_lookup()
    {
        var response = await Client.GetDetailsAsync("unknown-job", string.Empty);

        Assert.That(response.ErrorCode, Is.EqualTo("ValidationException"));
    }
}
