namespace ThirdPartyJobs.Testing.Protocol;

// The validated inputs of the operations, as OperationInputs reads them. A third-party operation carries a client
// token; its custom-action twin does not (the caller's signature is the authority), so ClientToken is null there.

/// <summary>The input of <c>PollForThirdPartyJobs</c> or <c>PollForJobs</c> (only the latter has a <c>queryParam</c>).</summary>
internal sealed record PollInput(ActionTypeKey ActionTypeId, int MaxBatchSize, IReadOnlyDictionary<string, string>? QueryParam);

/// <summary>
/// The input of an operation on one job: <c>jobId</c>, the client token (third-party operations), the nonce
/// (acknowledge) and the result (put operations), each null when the operation has none.
/// </summary>
internal sealed record JobInput(string JobId, string? ClientToken, string? Nonce = null, ReportedJobResult? Result = null);
