using Polly.Timeout;

namespace ThirdPartyJobs.Resilience;

/// <summary>Which failures are worth another attempt.</summary>
internal static class RetryClassifier
{
    /// <summary>
    /// Throttling and transient faults (5xx, resets, attempt timeouts) are retried; the service's
    /// verdicts on the request itself (validation, not found, bad token, bad job, nonce, state) never are.
    /// </summary>
    public static bool IsRetryable(Exception error) =>
        error is ThrottledException or ServiceUnavailableException or TimeoutRejectedException;
}
