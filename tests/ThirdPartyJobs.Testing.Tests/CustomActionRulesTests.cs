namespace ThirdPartyJobs.Testing.Tests;

/// <summary>The custom-action operations' rules: model validation, queryParam, output variables, nonces, and kinds kept apart.</summary>
public sealed class CustomActionRulesTests : CustomActionTest
{
    [Test]
    public async Task QueryParam_picks_the_jobs_whose_queryable_property_has_the_value()
    {
        var queryable = Emulator.RegisterActionType("Build", "Custom", "Queryable", "1", queryableProperty: "ProjectName");
        var alpha = Emulator.CreateJob(queryable, new JobSpec { Configuration = { ["ProjectName"] = "alpha" } });
        var beta = Emulator.CreateJob(queryable, new JobSpec { Configuration = { ["ProjectName"] = "beta" } });

        var betaPoll = await Client.PollForJobsAsync(queryable, maxBatchSize: 10, queryParam: new Dictionary<string, string> { ["ProjectName"] = "beta" });
        var nonePoll = await Client.PollForJobsAsync(queryable, maxBatchSize: 10, queryParam: new Dictionary<string, string> { ["ProjectName"] = "gamma" });

        Assert.Multiple(() =>
        {
            Assert.That(betaPoll.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()), Is.EqualTo(new[] { beta }));
            Assert.That(nonePoll.Json.GetProperty("jobs").GetArrayLength(), Is.Zero);
            Assert.That(Emulator.GetJob(alpha).State, Is.EqualTo(EmulatedJobState.Queued));
            Assert.That(queryable.QueryableProperty, Is.EqualTo("ProjectName"));
        });
    }

    [Test]
    public async Task QueryParam_must_name_the_queryable_property_and_only_it()
    {
        var queryable = Emulator.RegisterActionType("Build", "Custom", "Queryable", "1", queryableProperty: "ProjectName");

        var missing = await Client.PollForJobsAsync(queryable);
        var other = await Client.PollForJobsAsync(queryable, queryParam: new Dictionary<string, string> { ["Other"] = "x" });
        var two = await Client.PollForJobsAsync(queryable, queryParam: new Dictionary<string, string> { ["ProjectName"] = "a", ["Other"] = "b" });
        var badValue = await Client.PollForJobsAsync(queryable, queryParam: new Dictionary<string, string> { ["ProjectName"] = "not queryable!" });
        var notQueryable = await Client.PollForJobsAsync(Custom, queryParam: new Dictionary<string, string> { ["ProjectName"] = "a" });
        var emptyMap = await Client.PollForJobsAsync(Custom, queryParam: new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(missing.ErrorCode, Is.EqualTo("ValidationException"), missing.ToString());
            Assert.That(missing.Message, Does.Contain("ProjectName"));
            Assert.That(other.ErrorCode, Is.EqualTo("ValidationException"), other.ToString());
            Assert.That(two.ErrorCode, Is.EqualTo("ValidationException"), two.ToString());
            Assert.That(two.Message, Does.Contain("at 'queryParam' failed to satisfy constraint: Member must have length less than or equal to 1"));
            Assert.That(badValue.Message, Does.Contain("Value 'not queryable!' at 'queryParam.ProjectName' failed to satisfy constraint: Map value must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+]"));
            Assert.That(notQueryable.ErrorCode, Is.EqualTo("ValidationException"), notQueryable.ToString());
            Assert.That((int)emptyMap.StatusCode, Is.EqualTo(200), emptyMap.ToString());
        });
    }

    [Test]
    public void Only_a_custom_action_type_has_a_queryable_property() =>
        Assert.That(
            () => Emulator.RegisterActionType("Build", "ThirdParty", "Partner", "9", queryableProperty: "ProjectName"),
            Throws.ArgumentException.With.Message.Contains("Custom"));

    [Test]
    public async Task Output_variables_are_refused_with_a_continuation_token_a_bad_key_or_over_the_size_limit()
    {
        var jobId = Emulator.CreateJob(Custom);
        await Client.ClaimOneJobAsync(Custom);

        var withToken = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["A"] = "1" }, continuationToken: "next");
        var badKey = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["bad key"] = "secret-value" });
        var tooBig = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["Big"] = new string('x', 122_880) });
        var stateAfter = Emulator.GetJob(jobId).State;
        var atLimit = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["Big"] = new string('x', 122_877) });

        Assert.Multiple(() =>
        {
            Assert.That(withToken.ErrorCode, Is.EqualTo("ValidationException"), withToken.ToString());
            Assert.That(withToken.Message, Does.Contain("only when there is no continuation token"));
            Assert.That(badKey.ErrorCode, Is.EqualTo("ValidationException"), badKey.ToString());
            Assert.That(badKey.Message, Does.Contain("Value 'bad key' at 'outputVariables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [A-Za-z0-9@\\-_]+]"));
            Assert.That(badKey.Message, Does.Not.Contain("secret-value"), "output variable values are never echoed");
            Assert.That(tooBig.ErrorCode, Is.EqualTo("OutputVariablesSizeExceededException"), tooBig.ToString());
            Assert.That((int)tooBig.StatusCode, Is.EqualTo(400));
            Assert.That(stateAfter, Is.EqualTo(EmulatedJobState.InProgress), "a refused result changes nothing");
            Assert.That((int)atLimit.StatusCode, Is.EqualTo(200), atLimit.ToString());
            Assert.That(Emulator.Results.Single().OutputVariables!["Big"], Has.Length.EqualTo(122_877));
        });
    }

    [Test]
    public async Task Only_the_latest_polled_nonce_acknowledges_and_a_repeat_is_idempotent()
    {
        await Emulator.DisposeAsync();
        var options = new CodePipelineEmulatorOptions { TimeProvider = Time, MaxDispatchesPerJob = 2 };
        await using var emulator = await CodePipelineEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var custom = emulator.RegisterActionType("Build", "Custom", "Twice", "1");
        var jobId = emulator.CreateJob(custom);

        var (_, firstNonce) = await client.PollOneJobAsync(custom);
        var (_, secondNonce) = await client.PollOneJobAsync(custom);
        var stale = await client.AcknowledgeJobAsync(jobId, firstNonce);
        var latest = await client.AcknowledgeJobAsync(jobId, secondNonce);
        var repeat = await client.AcknowledgeJobAsync(jobId, secondNonce);

        Assert.Multiple(() =>
        {
            Assert.That(secondNonce, Is.Not.EqualTo(firstNonce));
            Assert.That(stale.ErrorCode, Is.EqualTo("InvalidNonceException"), stale.ToString());
            Assert.That(latest.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(repeat.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
            Assert.That(emulator.GetJob(jobId).NonceIssuedCount, Is.EqualTo(2));
            Assert.That(emulator.GetJob(jobId).AcknowledgeCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_job_never_polled_cannot_be_acknowledged()
    {
        var jobId = Emulator.CreateJob(Custom);

        var ack = await Client.AcknowledgeJobAsync(jobId, "guess");

        Assert.That(ack.ErrorCode, Is.EqualTo("InvalidNonceException"), ack.ToString());
    }

    [Test]
    public async Task Custom_and_third_party_kinds_are_kept_apart()
    {
        var custom = Emulator.CreateJob(Custom);
        var thirdParty = Emulator.CreateJob(ActionType);

        var customPollOfPartnerType = await Client.PollForJobsAsync(ActionType);
        var partnerPollOfCustomType = await Client.PollAsync(Custom);
        var partnerDetailsOfCustomJob = await Client.GetDetailsAsync(custom, ActionType.ClientToken);
        var customDetailsOfPartnerJob = await Client.GetJobDetailsAsync(thirdParty);
        var customFailureOfPartnerJob = await Client.PutJobFailureAsync(thirdParty);

        Assert.That(
            new[] { customPollOfPartnerType, partnerPollOfCustomType, partnerDetailsOfCustomJob, customDetailsOfPartnerJob, customFailureOfPartnerJob }.Select(r => r.ErrorCode),
            Is.EqualTo(new[] { "ActionTypeNotFoundException", "ActionTypeNotFoundException", "JobNotFoundException", "JobNotFoundException", "JobNotFoundException" }));
    }

    [Test]
    public async Task Inputs_are_validated_against_the_model()
    {
        var notUuid = await Client.GetJobDetailsAsync("not-a-uuid");
        var unknown = await Client.GetJobDetailsAsync(Guid.NewGuid().ToString("D"));
        var noNonce = await Client.CallAsync(CodePipelineOperation.AcknowledgeJob, new { jobId = Guid.NewGuid().ToString("D") });
        var noFailure = await Client.CallAsync(CodePipelineOperation.PutJobFailureResult, new { jobId = Guid.NewGuid().ToString("D") });
        var badBatch = await Client.PollForJobsAsync(Custom, maxBatchSize: 0);
        var wrongType = await Client.CallAsync(CodePipelineOperation.PollForJobs, new { actionTypeId = CustomJobCalls.ActionTypeId(Custom), queryParam = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(notUuid.Message, Does.Contain("Value 'not-a-uuid' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
            Assert.That(unknown.ErrorCode, Is.EqualTo("JobNotFoundException"));
            Assert.That(noNonce.Message, Does.Contain("Value null at 'nonce' failed to satisfy constraint: Member must not be null"));
            Assert.That(noFailure.Message, Does.Contain("Value null at 'failureDetails' failed to satisfy constraint: Member must not be null"));
            Assert.That(badBatch.Message, Does.Contain("Value '0' at 'maxBatchSize' failed to satisfy constraint: Member must have value greater than or equal to 1"));
            Assert.That(wrongType.ErrorCode, Is.EqualTo("SerializationException"));
        });
    }

    [Test]
    public async Task A_custom_call_without_a_signature_is_refused()
    {
        var response = await Client.SendAsync(EmulatorClient.Target(CodePipelineOperation.GetJobDetails), """{"jobId":"00000000-0000-0000-0000-000000000000"}""", sign: false);

        Assert.That(response.ErrorCode, Is.EqualTo("MissingAuthenticationTokenException"));
    }

    [Test]
    public async Task Scripted_faults_apply_to_custom_operations_and_change_no_job()
    {
        var jobId = Emulator.CreateJob(Custom);
        await Client.ClaimOneJobAsync(Custom);
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PutJobSuccessResult);

        var throttled = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["A"] = "1" });
        var stateAfterFault = Emulator.GetJob(jobId).State;
        var retried = await Client.PutJobSuccessAsync(jobId, new Dictionary<string, string> { ["A"] = "1" });

        // A request is recorded once answered: wait for both records.
        await Emulator.WaitForRequestAsync(r => r.Operation == CodePipelineOperation.PutJobSuccessResult && r.Fault == FaultKind.Throttle, Within());
        var recorded = await Emulator.WaitForRequestAsync(r => r.Operation == CodePipelineOperation.PutJobSuccessResult && r.StatusCode == 200, Within());

        Assert.Multiple(() =>
        {
            Assert.That(throttled.ErrorCode, Is.EqualTo("ThrottlingException"));
            Assert.That(stateAfterFault, Is.EqualTo(EmulatedJobState.InProgress));
            Assert.That((int)retried.StatusCode, Is.EqualTo(200), retried.ToString());
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.PutJobSuccessResult), Is.EqualTo(2));
            Assert.That(Emulator.Requests.Where(r => r.Operation == CodePipelineOperation.PutJobSuccessResult).Select(r => r.Fault), Is.EqualTo(new FaultKind?[] { FaultKind.Throttle, null }));
            Assert.That(recorded.ErrorCode, Is.Null);
        });
    }

    [Test]
    public void The_account_id_must_be_twelve_digits() =>
        Assert.That(
            async () => await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { AccountId = "12345" }),
            Throws.ArgumentException.With.Message.Contains("AccountId"));
}
