namespace ThirdPartyJobs.Testing.Protocol;

// The validated inputs of the five operations, as OperationInputs reads them.

/// <summary>The input of <c>PollForThirdPartyJobs</c>.</summary>
internal sealed record PollInput(string Category, string Owner, string Provider, string Version, int MaxBatchSize);

/// <summary>The input of <c>GetThirdPartyJobDetails</c>.</summary>
internal sealed record JobTokenInput(string JobId, string ClientToken);

/// <summary>The input of <c>AcknowledgeThirdPartyJob</c>.</summary>
internal sealed record AcknowledgeInput(string JobId, string Nonce, string ClientToken);

/// <summary>The input of <c>PutThirdPartyJobSuccessResult</c>.</summary>
internal sealed record SuccessInput(string JobId, string ClientToken, ReportedCurrentRevision? CurrentRevision, string? ContinuationToken, ReportedExecutionDetails? ExecutionDetails);

/// <summary>The input of <c>PutThirdPartyJobFailureResult</c>.</summary>
internal sealed record FailureInput(string JobId, string ClientToken, ReportedFailureDetails FailureDetails);
