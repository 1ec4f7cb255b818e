#region Snippet:EmulatorCustomAction
using ThirdPartyJobs.Testing;

static class EmulatorCustomAction
{
    /// <summary>Queues a custom-action job; a worker (or any AWS client) runs it; returns its output variables.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> RunAsync(CodePipelineEmulator emulator, CancellationToken cancellationToken)
    {
        var custom = emulator.RegisterActionType("Build", "Custom", "MyBuilder", "1", queryableProperty: "ProjectName");
        var jobId = emulator.CreateJob(custom, new JobSpec { Configuration = { ["ProjectName"] = "demo" } });
        // PollForJobs(actionTypeId, maxBatchSize?, queryParam: {"ProjectName": "demo"}) -> jobs[] {id, data, nonce, accountId}
        // AcknowledgeJob(jobId, nonce) -> status; GetJobDetails(jobId) -> jobDetails {id, data, accountId}
        // PutJobSuccessResult(jobId, currentRevision?, continuationToken?, executionDetails?, outputVariables?)
        // PutJobFailureResult(jobId, failureDetails)
        await emulator.WaitForAllJobsTerminalAsync(cancellationToken);
        return emulator.Results.Single(r => r.JobId == jobId).OutputVariables; // e.g. {"ImageTag": "v1"}
    }
}
#endregion
