namespace ThirdPartyJobs.Sample;

/// <summary>The demo jobs' secret configuration value.</summary>
internal static class DemoSecrets
{
    /// <summary>
    /// A fresh random value, or <c>THIRDPARTYJOBS_SAMPLE_API_KEY</c> when set: the secret leak sweep
    /// plants a canary there and checks that the sample's output never shows it.
    /// </summary>
    public static string ApiKey() =>
        Environment.GetEnvironmentVariable("THIRDPARTYJOBS_SAMPLE_API_KEY") is { Length: > 0 } planted
            ? planted
            : "demo-api-key-" + Guid.NewGuid().ToString("N");
}
