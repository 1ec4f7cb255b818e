using System.ComponentModel.DataAnnotations;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// How S3 requests are retried when S3 throttles (503 SlowDown) or fails transiently (5xx,
/// connection resets, attempt timeouts). This is the only retry layer: the S3 client's own
/// retries are off.
/// </summary>
public sealed class ArtifactRetryOptions
{
    /// <summary>Attempts per request, including the first. Default 5; 1 turns retries off.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; later ones double it. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomize delays so that many workers do not retry in lockstep. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// How long one S3 request may take before it is abandoned and retried: until the response
    /// headers for a download, the whole part for an upload. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
