namespace ThirdPartyJobs.Testing;

/// <summary>
/// The CodePipeline operations that the emulator serves: the third-party job operations and the custom-action job
/// operations. The member names are the operation names that
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

    /// <summary><c>PollForJobs</c>: hands out queued jobs of a custom action type, with their data and a nonce.</summary>
    PollForJobs,

    /// <summary><c>AcknowledgeJob</c>: claims a dispatched custom-action job with its nonce.</summary>
    AcknowledgeJob,

    /// <summary><c>GetJobDetails</c>: returns a custom-action job's data and account id.</summary>
    GetJobDetails,

    /// <summary><c>PutJobSuccessResult</c>: reports that a custom-action job succeeded, optionally with output variables.</summary>
    PutJobSuccessResult,

    /// <summary><c>PutJobFailureResult</c>: reports that a custom-action job failed.</summary>
    PutJobFailureResult,
}
