namespace ThirdPartyJobs.Testing;

/// <summary>
/// The states an emulated job goes through, named as CodePipeline's <c>JobStatus</c> values (see
/// <see cref="JobSnapshot.State"/>):
/// <see cref="Queued"/> → <see cref="Dispatched"/> (polled) → <see cref="InProgress"/> (acknowledged) →
/// <see cref="Succeeded"/> or <see cref="Failed"/> (result put), or <see cref="TimedOut"/> when the action type's
/// job timeout passes after dispatch without a result.
/// </summary>
public enum EmulatedJobState
{
    /// <summary>Created and waiting to be polled.</summary>
    Queued,

    /// <summary>Handed out by a poll and not acknowledged yet.</summary>
    Dispatched,

    /// <summary>Acknowledged with its nonce; waiting for a result.</summary>
    InProgress,

    /// <summary>A success result was put. Terminal.</summary>
    Succeeded,

    /// <summary>A failure result was put. Terminal.</summary>
    Failed,

    /// <summary>The job timeout passed after dispatch without a result. Terminal.</summary>
    TimedOut,
}
