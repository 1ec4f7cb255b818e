namespace ThirdPartyJobs.Protocol;

/// <summary>
/// The one seam between this library and the AWS SDK: send one CodePipeline JSON operation and
/// return the response body. Everything behind it (<c>Amazon.Runtime.*</c>: credentials, SigV4,
/// endpoints, clock skew, HTTP) stays internal; an adapter over AWSSDK.CodePipeline's
/// <c>IAmazonCodePipeline</c> could replace it.
/// </summary>
/// <remarks>
/// Implementations make exactly one attempt (retries belong to the caller's resilience pipeline)
/// and report failures only as <see cref="ThirdPartyJobException"/> subclasses, already mapped
/// from the service's error code, or as <see cref="OperationCanceledException"/> when
/// the caller's token is cancelled.
/// </remarks>
internal interface ICodePipelineTransport : IDisposable
{
    /// <summary>Sends <paramref name="request"/> and returns the successful response.</summary>
    Task<TransportResponse> SendAsync(TransportRequest request, CancellationToken cancellationToken);
}

/// <summary>One operation call: its name, its JSON body and the facts errors should carry.</summary>
/// <param name="Operation">The operation name, e.g. <c>GetThirdPartyJobDetails</c>.</param>
/// <param name="Body">The UTF-8 JSON request body.</param>
/// <param name="JobId">The job the call is about, for error reports.</param>
/// <param name="Secrets">Values sent in the request that must never be echoed back in an error message (client token, nonce).</param>
internal sealed record TransportRequest(string Operation, byte[] Body, string? JobId, IReadOnlyList<string> Secrets);

/// <summary>A successful response.</summary>
/// <param name="Body">The UTF-8 JSON body.</param>
/// <param name="RequestId">The AWS request id.</param>
internal sealed record TransportResponse(ReadOnlyMemory<byte> Body, string? RequestId);
