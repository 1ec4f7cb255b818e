using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>An SDK response that keeps the raw JSON body; the library's own parser reads it.</summary>
internal sealed class JsonOperationResponse : AmazonWebServiceResponse
{
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? RequestId { get; init; }
}
