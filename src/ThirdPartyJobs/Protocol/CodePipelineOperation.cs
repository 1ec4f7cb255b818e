namespace ThirdPartyJobs.Protocol;

/// <summary>The CodePipeline operations this library calls, by their wire names: third-party and custom-action job operations.</summary>
internal static class CodePipelineOperation
{
    public const string TargetPrefix = "CodePipeline_20150709";
    public const string GetThirdPartyJobDetails = nameof(GetThirdPartyJobDetails);
    public const string PollForThirdPartyJobs = nameof(PollForThirdPartyJobs);
    public const string AcknowledgeThirdPartyJob = nameof(AcknowledgeThirdPartyJob);
    public const string PutThirdPartyJobSuccessResult = nameof(PutThirdPartyJobSuccessResult);
    public const string PutThirdPartyJobFailureResult = nameof(PutThirdPartyJobFailureResult);

    // Custom actions: the same members without a client token (the caller's IAM identity is the authority).
    public const string PollForJobs = nameof(PollForJobs);
    public const string AcknowledgeJob = nameof(AcknowledgeJob);
    public const string GetJobDetails = nameof(GetJobDetails);
    public const string PutJobSuccessResult = nameof(PutJobSuccessResult);
    public const string PutJobFailureResult = nameof(PutJobFailureResult);
}
