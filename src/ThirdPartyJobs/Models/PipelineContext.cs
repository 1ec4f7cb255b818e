namespace ThirdPartyJobs;

/// <summary>Where in a pipeline the job's action runs. Members the service leaves out are null.</summary>
public sealed record PipelineContext
{
    internal PipelineContext(string? pipelineName, string? stageName, string? actionName, string? actionExecutionId, string? pipelineArn, string? pipelineExecutionId) =>
        (PipelineName, StageName, ActionName, ActionExecutionId, PipelineArn, PipelineExecutionId) = (pipelineName, stageName, actionName, actionExecutionId, pipelineArn, pipelineExecutionId);

    /// <summary>The pipeline's name.</summary>
    public string? PipelineName { get; }

    /// <summary>The stage's name.</summary>
    public string? StageName { get; }

    /// <summary>The action's name.</summary>
    public string? ActionName { get; }

    /// <summary>The id of this action execution.</summary>
    public string? ActionExecutionId { get; }

    /// <summary>The pipeline's ARN. CodePipeline does not send it for third-party jobs.</summary>
    public string? PipelineArn { get; }

    /// <summary>The pipeline execution id. CodePipeline does not send it for third-party jobs.</summary>
    public string? PipelineExecutionId { get; }
}
