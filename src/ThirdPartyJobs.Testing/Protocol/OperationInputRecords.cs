namespace ThirdPartyJobs.Testing.Protocol;

// The validated inputs of the operations, as OperationInputs and CustomOperationInputs read them.

/// <summary>An <c>actionTypeId</c>.</summary>
internal sealed record ActionTypeInput(string Category, string Owner, string Provider, string Version);

/// <summary>The input of <c>PollForThirdPartyJobs</c>.</summary>
internal sealed record PollInput(ActionTypeInput ActionTypeId, int MaxBatchSize);

/// <summary>The input of <c>GetThirdPartyJobDetails</c>.</summary>
internal sealed record JobTokenInput(string JobId, string ClientToken);

/// <summary>The input of <c>AcknowledgeThirdPartyJob</c>.</summary>
internal sealed record AcknowledgeInput(string JobId, string Nonce, string ClientToken);

/// <summary>The input of <c>PutThirdPartyJobSuccessResult</c>.</summary>
internal sealed record SuccessInput(string JobId, string ClientToken, ReportedCurrentRevision? CurrentRevision, string? ContinuationToken, ReportedExecutionDetails? ExecutionDetails);

/// <summary>The input of <c>PutThirdPartyJobFailureResult</c>.</summary>
internal sealed record FailureInput(string JobId, string ClientToken, ReportedFailureDetails FailureDetails);

/// <summary>The input of <c>PollForJobs</c>.</summary>
internal sealed record CustomPollInput(ActionTypeInput ActionTypeId, int MaxBatchSize, IReadOnlyDictionary<string, string>? QueryParam);

/// <summary>The input of <c>AcknowledgeJob</c>.</summary>
internal sealed record CustomAcknowledgeInput(string JobId, string Nonce);

/// <summary>The input of <c>PutJobSuccessResult</c>.</summary>
internal sealed record CustomSuccessInput(
    string JobId,
    ReportedCurrentRevision? CurrentRevision,
    string? ContinuationToken,
    ReportedExecutionDetails? ExecutionDetails,
    IReadOnlyDictionary<string, string>? OutputVariables);

/// <summary>The input of <c>PutJobFailureResult</c>.</summary>
internal sealed record CustomFailureInput(string JobId, ReportedFailureDetails FailureDetails);
