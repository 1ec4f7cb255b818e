namespace ThirdPartyJobs.Protocol;

/// <summary>
/// The one seam between this library and the AWS SDK: send one CodePipeline JSON operation and
/// return the response body. Everything behind it (<c>Amazon.Runtime.*</c>: credentials, SigV4,
/// endpoints, clock skew, HTTP) stays internal; an adapter over AWSSDK.CodePipeline's
/// <c>IAmazonCodePipeline</c> could replace it.
/// </summary>
/// <remarks>
/// Implementations make exactly one attempt (retries belong to the caller's resilience pipeline)
/// and report failures only as <see cref="ThirdPartyJobException"/> subclasses, built complete
/// (status, request id, service message, <see cref="TransportRequest.Attempt"/> as the attempt
/// count), or as <see cref="OperationCanceledException"/> when the token is cancelled.
/// </remarks>
internal interface ICodePipelineTransport : IDisposable
{
    /// <summary>Sends <paramref name="request"/> and returns the successful response.</summary>
    Task<TransportResponse> SendAsync(TransportRequest request, CancellationToken cancellationToken);
}
