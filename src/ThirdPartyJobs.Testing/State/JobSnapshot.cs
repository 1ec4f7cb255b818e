namespace ThirdPartyJobs.Testing;

/// <summary>A job as the emulator saw it at one moment (see <see cref="CodePipelineEmulator.Jobs"/>).</summary>
public sealed record JobSnapshot
{
    /// <summary>The job id (a UUID).</summary>
    public string JobId { get; internal init; } = string.Empty;

    /// <summary>The action type the job belongs to.</summary>
    public RegisteredActionType ActionType { get; internal init; } = null!;

    /// <summary>
    /// The job's state, named as CodePipeline's <c>JobStatus</c> values: <c>Queued</c> → <c>Dispatched</c> (polled) →
    /// <c>InProgress</c> (acknowledged) → <c>Succeeded</c> or <c>Failed</c> (result put), or <c>TimedOut</c> when the
    /// action type's job timeout passes after dispatch without a result.
    /// </summary>
    public EmulatedJobState State { get; internal init; }

    /// <summary>When the job was created, on the emulator's clock.</summary>
    public DateTimeOffset CreatedAt { get; internal init; }

    /// <summary>When a poll first handed the job out, if one did.</summary>
    public DateTimeOffset? DispatchedAt { get; internal init; }

    /// <summary>When the job reached a terminal state, if it did.</summary>
    public DateTimeOffset? CompletedAt { get; internal init; }

    /// <summary>How many polls handed the job out.</summary>
    public int DispatchCount { get; internal init; }

    /// <summary>How many nonces were issued for the job (by <c>GetThirdPartyJobDetails</c>, or by <c>PollForJobs</c> for a custom job).</summary>
    public int NonceIssuedCount { get; internal init; }

    /// <summary>How many <c>AcknowledgeThirdPartyJob</c> or <c>AcknowledgeJob</c> calls the job accepted (a repeated acknowledge counts again).</summary>
    public int AcknowledgeCount { get; internal init; }

    /// <summary>The job whose success result with a continuation token queued this one, if any.</summary>
    public string? ContinuationOfJobId { get; internal init; }

    /// <summary>Whether the state is terminal: <c>Succeeded</c>, <c>Failed</c> or <c>TimedOut</c>.</summary>
    public bool IsTerminal { get; internal init; }
}
