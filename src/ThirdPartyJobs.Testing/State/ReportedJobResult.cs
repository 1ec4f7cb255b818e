namespace ThirdPartyJobs.Testing;

/// <summary>
/// A result that the emulator accepted for a job (<c>PutThirdPartyJobSuccessResult</c>,
/// <c>PutThirdPartyJobFailureResult</c>, <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c>), flattened:
/// a member is <see langword="null"/> when the worker did not send it. Rejected results are not listed; find them
/// among the recorded requests. When it was accepted is the job's <see cref="JobSnapshot.CompletedAt"/>.
/// </summary>
public sealed record ReportedJobResult
{
    /// <summary>The job the result was put for.</summary>
    public string JobId { get; internal init; } = string.Empty;

    /// <summary>Whether it was a success result (<see langword="true"/>) or a failure result.</summary>
    public bool Succeeded { get; internal init; }

    /// <summary>The <c>failureDetails.type</c> of a failure result, e.g. <c>JobFailed</c> or <c>ConfigurationError</c>.</summary>
    public string? FailureType { get; internal init; }

    /// <summary>The <c>failureDetails.message</c> of a failure result.</summary>
    public string? FailureMessage { get; internal init; }

    /// <summary>The <c>externalExecutionId</c> of the failure details or of the execution details, if sent.</summary>
    public string? ExternalExecutionId { get; internal init; }

    /// <summary>The <c>executionDetails.summary</c> of a success result, if sent.</summary>
    public string? Summary { get; internal init; }

    /// <summary>The <c>executionDetails.percentComplete</c> (0-100) of a success result, if sent.</summary>
    public int? PercentComplete { get; internal init; }

    /// <summary>The <c>currentRevision.revision</c> of a success result, if sent.</summary>
    public string? Revision { get; internal init; }

    /// <summary>The <c>currentRevision.changeIdentifier</c> of a success result, if sent.</summary>
    public string? ChangeIdentifier { get; internal init; }

    /// <summary>The <c>currentRevision.created</c> time (sent as epoch seconds, kept to the millisecond), if sent.</summary>
    public DateTimeOffset? RevisionCreated { get; internal init; }

    /// <summary>The <c>currentRevision.revisionSummary</c>, if sent.</summary>
    public string? RevisionSummary { get; internal init; }

    /// <summary>The continuation token of a success result, if sent.</summary>
    public string? ContinuationToken { get; internal init; }

    /// <summary>
    /// The output variables of a custom-action success result (<c>PutJobSuccessResult</c>), if sent; never for
    /// third-party results, whose API has none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? OutputVariables { get; internal init; }

    /// <summary>The id of the follow-up job that a continuation token queued, if any.</summary>
    public string? FollowUpJobId { get; internal init; }
}
