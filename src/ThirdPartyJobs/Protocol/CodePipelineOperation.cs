namespace ThirdPartyJobs.Protocol;

/// <summary>The CodePipeline operations this library calls, by their wire names.</summary>
internal static class CodePipelineOperation
{
    public const string TargetPrefix = "CodePipeline_20150709";
    public const string GetThirdPartyJobDetails = nameof(GetThirdPartyJobDetails);
    public const string PollForThirdPartyJobs = nameof(PollForThirdPartyJobs);
    public const string AcknowledgeThirdPartyJob = nameof(AcknowledgeThirdPartyJob);
    public const string PutThirdPartyJobSuccessResult = nameof(PutThirdPartyJobSuccessResult);
    public const string PutThirdPartyJobFailureResult = nameof(PutThirdPartyJobFailureResult);
}
