using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// An AWS SDK service client for CodePipeline's JSON operations, built on AWSSDK.Core alone. The
/// static <see cref="IAmazonService"/> factory members let AWSSDK.Extensions.NETCore.Setup's
/// <c>AWSOptions.CreateServiceClient&lt;T&gt;()</c> build it with the user's region, profile,
/// credentials and ServiceURL.
/// </summary>
internal sealed class CodePipelineServiceClient : AmazonServiceClient, ICodePipelineServiceClient, IAmazonService
{
    public CodePipelineServiceClient(AWSCredentials? credentials, CodePipelineClientConfig config)
        : base(credentials, config)
    {
    }

    public CodePipelineServiceClient(CodePipelineClientConfig config)
        : base(config)
    {
    }

    /// <summary>
    /// Off: the SDK's response logging would write response bodies, which carry the job's
    /// artifact credentials and configuration, to the SDK's log.
    /// </summary>
    protected override bool SupportResponseLogging => false;

    public static ClientConfig CreateDefaultClientConfig() => new CodePipelineClientConfig();

    public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) =>
        new CodePipelineServiceClient(awsCredentials, (CodePipelineClientConfig)clientConfig);

    public Task<JsonOperationResponse> InvokeJsonOperationAsync(JsonOperationRequest request, CancellationToken cancellationToken) =>
        InvokeAsync<JsonOperationResponse>(
            request,
            new InvokeOptions
            {
                RequestMarshaller = JsonOperationMarshaller.Instance,
                ResponseUnmarshaller = new JsonOperationUnmarshaller(request),
            },
            cancellationToken);

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new CodePipelineEndpointResolver());
        pipeline.AddHandlerAfter<CodePipelineEndpointResolver>(new CodePipelineAuthSchemeHandler());
        pipeline.AddHandlerBefore<Signer>(new InvocationHeadersHandler());
    }
}
