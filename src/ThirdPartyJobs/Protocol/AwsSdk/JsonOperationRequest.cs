using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>An SDK request that carries an already-serialized CodePipeline JSON body.</summary>
internal sealed class JsonOperationRequest(string operation, byte[] body) : AmazonWebServiceRequest
{
    public string Operation { get; } = operation;

    public byte[] Body { get; } = body;
}
