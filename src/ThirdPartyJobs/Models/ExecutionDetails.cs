namespace ThirdPartyJobs;

/// <summary>What a job did, shown in the CodePipeline console.</summary>
/// <param name="Summary">A summary (1–2048 characters). Do not put secrets here: the pipeline's users can read it.</param>
/// <param name="ExternalExecutionId">The partner system's id for the run (1–1500 characters).</param>
/// <param name="PercentComplete">Progress, 0–100.</param>
public sealed record ExecutionDetails(string? Summary = null, string? ExternalExecutionId = null, int? PercentComplete = null)
{
    /// <summary>The summary.</summary>
    public string? Summary { get; } = Summary;

    /// <summary>The partner system's id for the run.</summary>
    public string? ExternalExecutionId { get; } = ExternalExecutionId;

    /// <summary>Progress, 0–100.</summary>
    public int? PercentComplete { get; } = PercentComplete;
}
