namespace ThirdPartyJobs.Testing;

/// <summary>A job as the emulator saw it at one moment (see <see cref="CodePipelineEmulator.Jobs"/>).</summary>
public sealed record JobSnapshot
{
    /// <summary>The job id (a UUID).</summary>
    public required string JobId { get; init; }

    /// <summary>The action type the job belongs to.</summary>
    public required RegisteredActionType ActionType { get; init; }

    /// <summary>The job's state.</summary>
    public required EmulatedJobState State { get; init; }

    /// <summary>When the job was created, on the emulator's clock.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a poll first handed the job out, if one did.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>When the job reached a terminal state, if it did.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many polls handed the job out.</summary>
    public int DispatchCount { get; init; }

    /// <summary>How many nonces <c>GetThirdPartyJobDetails</c> issued for the job.</summary>
    public int NonceIssuedCount { get; init; }

    /// <summary>How many <c>AcknowledgeThirdPartyJob</c> calls the job accepted (a repeated acknowledge counts again).</summary>
    public int AcknowledgeCount { get; init; }

    /// <summary>The job whose success result with a continuation token queued this one, if any.</summary>
    public string? ContinuationOfJobId { get; init; }

    /// <summary>Whether the state is terminal: <see cref="EmulatedJobState.Succeeded"/>, <see cref="EmulatedJobState.Failed"/> or <see cref="EmulatedJobState.TimedOut"/>.</summary>
    public bool IsTerminal => State is EmulatedJobState.Succeeded or EmulatedJobState.Failed or EmulatedJobState.TimedOut;
}
