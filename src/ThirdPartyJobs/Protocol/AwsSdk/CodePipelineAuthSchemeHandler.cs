using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Chooses SigV4 for every CodePipeline operation. The SDK's pipeline has no default auth
/// resolver: without this handler a request fails with a NullReferenceException before it is sent.
/// </summary>
internal sealed class CodePipelineAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
}
