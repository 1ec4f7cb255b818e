using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Writes <c>amz-sdk-invocation-id</c> and <c>amz-sdk-request</c> as the official SDKs send them
/// across retries: one invocation id per logical call and <c>attempt=N; max=M</c>. The SDK's own
/// values only know its single attempt (retries live in the Polly pipeline above it). Runs just
/// before signing, so the signature covers the values sent.
/// </summary>
internal sealed class InvocationHeadersHandler : PipelineHandler
{
    public const string InvocationIdHeader = "amz-sdk-invocation-id";
    public const string RequestHeader = "amz-sdk-request";

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        Apply(executionContext);
        return base.InvokeAsync<T>(executionContext);
    }

    public override void InvokeSync(IExecutionContext executionContext)
    {
        Apply(executionContext);
        base.InvokeSync(executionContext);
    }

    private static void Apply(IExecutionContext executionContext)
    {
        if (executionContext.RequestContext.OriginalRequest is JsonOperationRequest operation)
        {
            var headers = executionContext.RequestContext.Request.Headers;
            headers[InvocationIdHeader] = operation.InvocationId;
            headers[RequestHeader] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"attempt={operation.Attempt}; max={operation.MaxAttempts}");
        }
    }
}
