using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>The SDK service client, as the transport sees it (tests substitute it).</summary>
internal interface ICodePipelineServiceClient : IDisposable
{
    IClientConfig Config { get; }

    Task<JsonOperationResponse> InvokeJsonOperationAsync(JsonOperationRequest request, CancellationToken cancellationToken);
}
