namespace ThirdPartyJobs.Testing.State;

/// <summary>One job's mutable state. Owned by <see cref="JobStore"/> and only touched under its lock.</summary>
internal sealed class EmulatedJob(string id, RegisteredActionType actionType, string dataJson, DateTimeOffset createdAt, string? continuationOfJobId)
{
    public string Id { get; } = id;

    public RegisteredActionType ActionType { get; } = actionType;

    /// <summary>The job's <c>data</c> object, serialized; written into job details verbatim.</summary>
    public string DataJson { get; } = dataJson;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? ContinuationOfJobId { get; } = continuationOfJobId;

    public EmulatedJobState State { get; set; } = EmulatedJobState.Queued;

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int DispatchCount { get; set; }

    /// <summary>The latest nonce issued; the only one an acknowledge may present.</summary>
    public string? Nonce { get; set; }

    public int NonceIssuedCount { get; set; }

    public int AcknowledgeCount { get; set; }

    /// <summary>Fires at the job timeout so that waiters see a timeout without a request.</summary>
    public ITimer? TimeoutTimer { get; set; }

    public bool IsTerminal => State is EmulatedJobState.Succeeded or EmulatedJobState.Failed or EmulatedJobState.TimedOut;

    public JobSnapshot ToSnapshot() => new()
    {
        JobId = Id,
        ActionType = ActionType,
        State = State,
        IsTerminal = IsTerminal,
        CreatedAt = CreatedAt,
        DispatchedAt = DispatchedAt,
        CompletedAt = CompletedAt,
        DispatchCount = DispatchCount,
        NonceIssuedCount = NonceIssuedCount,
        AcknowledgeCount = AcknowledgeCount,
        ContinuationOfJobId = ContinuationOfJobId,
    };
}
