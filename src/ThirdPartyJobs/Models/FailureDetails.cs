namespace ThirdPartyJobs;

/// <summary>Why a job failed, reported to CodePipeline.</summary>
/// <param name="Type">The kind of failure.</param>
/// <param name="Message">A message for the pipeline's users (1–5000 characters). Do not put secrets here.</param>
/// <param name="ExternalExecutionId">The partner system's id for the run (1–1500 characters).</param>
public sealed record FailureDetails(FailureType Type, string Message, string? ExternalExecutionId = null)
{
    /// <summary>The kind of failure.</summary>
    public FailureType Type { get; } = Type;

    /// <summary>The message for the pipeline's users.</summary>
    public string Message { get; } = Message;

    /// <summary>The partner system's id for the run.</summary>
    public string? ExternalExecutionId { get; } = ExternalExecutionId;
}
