using System.Net;
using System.Net.Sockets;

namespace ThirdPartyJobs;

/// <summary>
/// What AWS error codes, HTTP statuses and network exceptions mean for a retry, for every AWS
/// service the library calls (CodePipeline, S3). Shared source: linked into ThirdPartyJobs and
/// ThirdPartyJobs.Artifacts, internal in each.
/// </summary>
internal static class AwsErrorClassifier
{
    // Codes AWS services use for throttling (the SDK's own list, plus CodePipeline's and S3's).
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    // Codes for faults on the service's side that another attempt may not meet.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "InternalServerError",
        "InternalServiceError", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
        "OperationAborted",
    };

    /// <summary>Whether <paramref name="code"/> (already stripped of namespaces) means "slow down".</summary>
    public static bool IsThrottlingCode(string? code) => code is not null && ThrottlingCodes.Contains(code);

    /// <summary>Whether <paramref name="code"/> means a passing fault on the service's side.</summary>
    public static bool IsTransientCode(string? code) => code is not null && TransientCodes.Contains(code);

    /// <summary>An HTTP status that says "try again": 500, 502, 503, 504 and 408 (429 is throttling, see <see cref="IsThrottlingStatus"/>).</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    /// <summary>429 Too Many Requests.</summary>
    public static bool IsThrottlingStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests;

    /// <summary>
    /// Whether <paramref name="error"/> (or any exception it wraps) says that no whole response
    /// arrived: a reset, refused connection, DNS or HTTP-level timeout, a body cut off mid-read.
    /// </summary>
    public static bool IsNetworkFailure(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or IOException or SocketException or WebException or TimeoutException
                || (current is OperationCanceledException && current.InnerException is TimeoutException))
            {
                return true;
            }
        }

        return false;
    }
}
