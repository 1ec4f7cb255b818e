namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>The custom-action operations over <see cref="EmulatorClient"/>.</summary>
internal static class CustomJobCalls
{
    public static object ActionTypeId(RegisteredActionType actionType) => new
    {
        category = actionType.Category,
        owner = actionType.Owner,
        provider = actionType.Provider,
        version = actionType.Version,
    };

    public static Task<EmulatorResponse> PollForJobsAsync(this EmulatorClient client, RegisteredActionType actionType, int? maxBatchSize = null, object? queryParam = null) =>
        client.CallAsync(CodePipelineOperation.PollForJobs, (maxBatchSize, queryParam) switch
        {
            (null, null) => new { actionTypeId = ActionTypeId(actionType) },
            (_, null) => new { actionTypeId = ActionTypeId(actionType), maxBatchSize },
            (null, _) => new { actionTypeId = ActionTypeId(actionType), queryParam },
            _ => (object)new { actionTypeId = ActionTypeId(actionType), maxBatchSize, queryParam },
        });

    public static Task<EmulatorResponse> AcknowledgeJobAsync(this EmulatorClient client, string jobId, string nonce) =>
        client.CallAsync(CodePipelineOperation.AcknowledgeJob, new { jobId, nonce });

    public static Task<EmulatorResponse> GetJobDetailsAsync(this EmulatorClient client, string jobId) =>
        client.CallAsync(CodePipelineOperation.GetJobDetails, new { jobId });

    public static Task<EmulatorResponse> PutJobSuccessAsync(this EmulatorClient client, string jobId, object? outputVariables = null, string? continuationToken = null) =>
        client.CallAsync(CodePipelineOperation.PutJobSuccessResult, (outputVariables, continuationToken) switch
        {
            (null, null) => new { jobId },
            (_, null) => new { jobId, outputVariables },
            (null, _) => new { jobId, continuationToken },
            _ => (object)new { jobId, outputVariables, continuationToken },
        });

    public static Task<EmulatorResponse> PutJobFailureAsync(this EmulatorClient client, string jobId, string type = "JobFailed", string message = "it broke") =>
        client.CallAsync(CodePipelineOperation.PutJobFailureResult, new { jobId, failureDetails = new { type, message } });

    /// <summary>Polls for one custom job; returns its id and nonce (asserting there was exactly one).</summary>
    public static async Task<(string JobId, string Nonce)> PollOneJobAsync(this EmulatorClient client, RegisteredActionType actionType, object? queryParam = null)
    {
        var response = await client.PollForJobsAsync(actionType, queryParam: queryParam);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
        var jobs = response.Json.GetProperty("jobs");
        Assert.That(jobs.GetArrayLength(), Is.EqualTo(1), response.ToString());
        return (jobs[0].GetProperty("id").GetString()!, jobs[0].GetProperty("nonce").GetString()!);
    }

    /// <summary>Polls for and acknowledges one custom job; returns its id, in progress.</summary>
    public static async Task<string> ClaimOneJobAsync(this EmulatorClient client, RegisteredActionType actionType)
    {
        var (jobId, nonce) = await client.PollOneJobAsync(actionType);
        var ack = await client.AcknowledgeJobAsync(jobId, nonce);
        Assert.That(ack.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"), ack.ToString());
        return jobId;
    }
}
