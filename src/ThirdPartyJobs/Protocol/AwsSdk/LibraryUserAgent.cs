using System.Reflection;
using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>The versions the User-Agent names: the AWS SDK's own (in the SDK's slot) and this library's (as <c>lib/ThirdPartyJobs#…</c>).</summary>
internal static class LibraryUserAgent
{
    /// <summary>This library's User-Agent component, e.g. <c>lib/ThirdPartyJobs#1.0.0</c>.</summary>
    public static string Component { get; } = "lib/ThirdPartyJobs#" + VersionOf(typeof(LibraryUserAgent).Assembly);

    /// <summary>The AWSSDK.Core version in use (its file version, e.g. <c>4.0.102.19</c>), which generated clients put in the SDK's slot.</summary>
    public static string SdkVersion { get; } = VersionOf(typeof(AmazonServiceClient).Assembly);

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // User-Agent tokens allow no '+' build metadata or spaces.
        var plus = version.IndexOfAny(['+', ' ']);
        return plus < 0 ? version : version[..plus];
    }
}
