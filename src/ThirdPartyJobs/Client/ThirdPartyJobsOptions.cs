namespace ThirdPartyJobs;

/// <summary>
/// Settings of <see cref="ThirdPartyJobClient"/> beyond the AWS ones (region, profile,
/// credentials and ServiceURL come from the SDK's <c>AWSOptions</c>, the usual <c>"AWS"</c>
/// configuration section). Bound from the <c>"ThirdPartyJobs"</c> section by
/// <c>AddThirdPartyJobs(IConfiguration)</c>.
/// </summary>
public sealed class ThirdPartyJobsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ThirdPartyJobs";

    /// <summary>Retry and timeout behaviour (configuration keys <c>ThirdPartyJobs:Retry:*</c>).</summary>
    public ThirdPartyJobsRetryOptions Retry { get; set; } = new();

    /// <summary>The clock for all waiting (backoff, timeouts). Null means <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
