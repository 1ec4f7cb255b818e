using Microsoft.Extensions.Options;

namespace ThirdPartyJobs;

/// <summary>
/// Settings of <see cref="ThirdPartyJobClient"/> beyond the AWS ones (region, profile,
/// credentials and ServiceURL come from the SDK's <c>AWSOptions</c>, the usual <c>"AWS"</c>
/// configuration section). Bound from the <c>"ThirdPartyJobs"</c> section by
/// <c>AddThirdPartyJobs(IConfiguration)</c>. The clock is not a setting: pass a
/// <see cref="TimeProvider"/> to <see cref="ThirdPartyJobClient.Create"/>, or register one with dependency injection.
/// </summary>
public sealed class ThirdPartyJobsOptions
{
    // The configuration section these options are bound from (named in the summary and in validation messages).
    internal const string SectionName = "ThirdPartyJobs";

    /// <summary>Retry and timeout behaviour (configuration keys <c>ThirdPartyJobs:Retry:*</c>; each key's range is on its property).</summary>
    [ValidateObjectMembers]
    public ThirdPartyJobsRetryOptions Retry { get; } = new();
}
