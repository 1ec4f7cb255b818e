namespace ThirdPartyJobs.Testing;

/// <summary>
/// The CodePipeline operations that the emulator serves. The member names are the operation names that
/// follow <c>CodePipeline_20150709.</c> in the <c>X-Amz-Target</c> header.
/// </summary>
public enum CodePipelineOperation
{
    /// <summary><c>PollForThirdPartyJobs</c>: hands out queued jobs of an action type.</summary>
    PollForThirdPartyJobs,

    /// <summary><c>GetThirdPartyJobDetails</c>: returns a job's data and nonce.</summary>
    GetThirdPartyJobDetails,

    /// <summary><c>AcknowledgeThirdPartyJob</c>: claims a dispatched job with its nonce.</summary>
    AcknowledgeThirdPartyJob,

    /// <summary><c>PutThirdPartyJobSuccessResult</c>: reports that a job succeeded.</summary>
    PutThirdPartyJobSuccessResult,

    /// <summary><c>PutThirdPartyJobFailureResult</c>: reports that a job failed.</summary>
    PutThirdPartyJobFailureResult,
}
