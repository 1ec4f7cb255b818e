using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>An SDK request that carries an already-serialized CodePipeline JSON body and the attempt's wire facts.</summary>
internal sealed class JsonOperationRequest : AmazonWebServiceRequest
{
    public JsonOperationRequest(TransportRequest request, CancellationToken cancellationToken)
    {
        Operation = request.Operation;
        Body = request.Body;
        Secrets = request.Secrets;
        InvocationId = request.InvocationId;
        Attempt = request.Attempt;
        MaxAttempts = request.MaxAttempts;
        CancellationToken = cancellationToken;

        // The SDK's own extension point for a library's name in the User-Agent: "lib/ThirdPartyJobs#<version>".
        ((IAmazonWebServiceRequest)this).UserAgentDetails.AddUserAgentComponent(LibraryUserAgent.Component);
    }

    public string Operation { get; }

    public byte[] Body { get; }

    /// <summary>Values in the body that an error answer must not echo into an exception or the SDK's log.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public string InvocationId { get; }

    public int Attempt { get; }

    public int MaxAttempts { get; }

    /// <summary>The attempt's token: reading a response body stops when it is cancelled (the SDK's unmarshallers read synchronously).</summary>
    public CancellationToken CancellationToken { get; }
}
