using System.ComponentModel.DataAnnotations;

namespace ThirdPartyJobs;

/// <summary>
/// How the client retries throttled and transient failures. Validated with DataAnnotations when
/// the client is built; the defaults suit a job worker (see README, "Retries and timeouts").
/// </summary>
public sealed class ThirdPartyJobsRetryOptions
{
    /// <summary>Attempts per call, including the first. Default 5; 1 turns retries off.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; later ones double it. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomize delays (Polly's decorrelated jitter) so that many workers do not retry in lockstep. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>How long one attempt may take before it is abandoned and retried. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a call may take in all, retries and delays included. Default 90 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
