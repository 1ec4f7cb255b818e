namespace ThirdPartyJobs.Testing;

/// <summary>
/// A result that the emulator accepted for a job (<c>PutThirdPartyJobSuccessResult</c>,
/// <c>PutThirdPartyJobFailureResult</c>, <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c>). Rejected results are not listed; find them among the recorded requests.
/// </summary>
public sealed record ReportedJobResult
{
    /// <summary>The job the result was put for.</summary>
    public string JobId { get; internal init; } = string.Empty;

    /// <summary>Whether it was a success result (<see langword="true"/>) or a failure result.</summary>
    public bool Succeeded { get; internal init; }

    /// <summary>When the emulator accepted it, on the emulator's clock.</summary>
    public DateTimeOffset ReportedAt { get; internal init; }

    /// <summary>The failure details of a failure result; <see langword="null"/> for a success.</summary>
    public ReportedFailureDetails? FailureDetails { get; internal init; }

    /// <summary>The continuation token of a success result, if sent.</summary>
    public string? ContinuationToken { get; internal init; }

    /// <summary>The execution details of a success result, if sent.</summary>
    public ReportedExecutionDetails? ExecutionDetails { get; internal init; }

    /// <summary>The current revision of a success result, if sent.</summary>
    public ReportedCurrentRevision? CurrentRevision { get; internal init; }

    /// <summary>
    /// The output variables of a custom-action success result (<c>PutJobSuccessResult</c>), if sent; never for
    /// third-party results, whose API has none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? OutputVariables { get; internal init; }

    /// <summary>The id of the follow-up job that a continuation token queued, if any.</summary>
    public string? FollowUpJobId { get; internal init; }
}
