namespace ThirdPartyJobs;

/// <summary>Where in a pipeline the job's action runs.</summary>
/// <param name="PipelineName">The pipeline's name.</param>
/// <param name="StageName">The stage's name.</param>
/// <param name="ActionName">The action's name.</param>
/// <param name="ActionExecutionId">The id of this action execution.</param>
/// <param name="PipelineArn">The pipeline's ARN. CodePipeline does not send it for third-party jobs.</param>
/// <param name="PipelineExecutionId">The pipeline execution id. CodePipeline does not send it for third-party jobs.</param>
public sealed record PipelineContext(
    string? PipelineName,
    string? StageName,
    string? ActionName,
    string? ActionExecutionId,
    string? PipelineArn,
    string? PipelineExecutionId);
