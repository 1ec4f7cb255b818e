using Polly.Timeout;

namespace ThirdPartyJobs.Resilience;

/// <summary>Which CodePipeline failures are worth another attempt.</summary>
internal sealed class RetryClassifier : IRetryClassifier
{
    public static readonly RetryClassifier Instance = new();

    /// <summary>
    /// Throttling and transient faults (5xx, resets, attempt timeouts) are retried; the service's
    /// verdicts on the request itself (validation, not found, bad token, bad job, nonce, state) never are.
    /// The transport has already sorted codes and network failures (with <see cref="AwsErrorClassifier"/>) into these types.
    /// </summary>
    public static bool IsRetryable(Exception error) =>
        error is ThrottledException or ServiceUnavailableException or TimeoutRejectedException;

    bool IRetryClassifier.IsRetryable(Exception error, CancellationToken callerToken) => IsRetryable(error);

    public string ErrorCode(Exception error) => error switch
    {
        ThirdPartyJobException { ErrorCode: { } code } => code,
        ThirdPartyJobException { StatusCode: { } status } => "HTTP " + (int)status,

        // The transport reports a failure to get any (whole) answer this way: a refused or reset connection, DNS, a cut-off body.
        ServiceUnavailableException => "NoResponse",
        ThirdPartyJobException service => service.GetType().Name,
        TimeoutRejectedException => "AttemptTimeout",
        _ => error.GetType().Name,
    };
}
