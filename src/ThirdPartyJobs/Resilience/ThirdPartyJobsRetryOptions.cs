using System.ComponentModel.DataAnnotations;

namespace ThirdPartyJobs;

/// <summary>
/// How AWS calls are retried when the service throttles or fails transiently (5xx, connection
/// resets, attempt timeouts): the one retry layer (the AWS SDK's own retries are off). The same
/// type serves the CodePipeline client (<c>ThirdPartyJobs:Retry:*</c>, the defaults below) and S3
/// artifact transfers (<c>ThirdPartyJobs:Artifacts:Retry:*</c>, with longer timeouts). Validated
/// when the client is built or the host starts; messages name the configuration key and its range.
/// </summary>
public sealed class ThirdPartyJobsRetryOptions
{
    /// <summary>Attempts per call, including the first: 1–20. Default 5; 1 turns retries off.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; later ones double it: 0–1 min, at most <see cref="MaxDelay"/>. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts: 0–5 min, at least <see cref="BaseDelay"/>. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomize delays (Polly's decorrelated jitter) so that many workers do not retry in lockstep. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// How long one attempt may take before it is abandoned and retried: 10 ms–10 min for
    /// CodePipeline calls (default 20 s), 10 ms–1 h for S3 requests (default 5 min: until the
    /// response headers for a download, the whole part for an upload); at most <see cref="OverallTimeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a call may take in all, retries and delays included: 10 ms–1 h, at least
    /// <see cref="AttemptTimeout"/>. Default 90 s for CodePipeline calls, 1 h for S3 requests.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
