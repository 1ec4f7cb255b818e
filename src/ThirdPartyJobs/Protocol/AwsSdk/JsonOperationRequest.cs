using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>An SDK request that carries an already-serialized CodePipeline JSON body.</summary>
internal sealed class JsonOperationRequest(string operation, byte[] body, IReadOnlyList<string>? secrets = null) : AmazonWebServiceRequest
{
    public string Operation { get; } = operation;

    public byte[] Body { get; } = body;

    /// <summary>Values in the body that an error answer must not echo into an exception or the SDK's log.</summary>
    public IReadOnlyList<string> Secrets { get; } = secrets ?? [];
}
