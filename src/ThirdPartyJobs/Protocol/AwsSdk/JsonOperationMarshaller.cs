using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>Turns a <see cref="JsonOperationRequest"/> into the AWS JSON 1.1 HTTP request.</summary>
internal sealed class JsonOperationMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static JsonOperationMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (JsonOperationRequest)input;
        var request = new DefaultRequest(operation, CodePipelineClientConfig.CodePipelineServiceId)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = operation.Body,
        };
        request.Headers["X-Amz-Target"] = CodePipelineOperation.TargetPrefix + "." + operation.Operation;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers[HeaderKeys.XAmzApiVersion] = "2015-07-09";
        return request;
    }
}
