using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Polly.Timeout;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>Sorts S3 failures: worth another attempt, expired credentials, or final.</summary>
internal static class S3ErrorClassifier
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled",
        "TooManyRequestsException", "InternalError", "ServiceUnavailable", "RequestTimeout", "RequestTimeoutException",
        "OperationAborted", "PriorRequestNotComplete",
    };

    private static readonly HashSet<string> ExpiredCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "AllAccessDisabled", "AccountProblem",
        "InvalidSecurity", "KMS.AccessDeniedException", "KMS.DisabledException", "KMS.NotFoundException", "KMS.KMSInvalidStateException",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "NoSuchKey", "NoSuchBucket", "NotFound", "NoSuchUpload",
    };

    private static readonly HashSet<string> WrongRegionCodes = new(StringComparer.Ordinal)
    {
        "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException",
    };

    /// <summary>Whether another attempt may succeed. <paramref name="callerToken"/> tells a caller's cancellation from a timeout.</summary>
    public static bool IsTransient(Exception error, CancellationToken callerToken) => error switch
    {
        S3ServiceFailure failure => IsTransient(failure),
        AmazonServiceException { InnerException: { } inner } => IsNetworkFailure(inner),
        TimeoutRejectedException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => IsNetworkFailure(error),
    };

    public static bool IsExpiredCredentials(Exception error) =>
        error is S3ServiceFailure { ErrorCode: { } code } && ExpiredCodes.Contains(code);

    public static bool IsAccessDenied(S3ServiceFailure error) =>
        error.ErrorCode is { } code && AccessDeniedCodes.Contains(code) || (error.StatusCode == HttpStatusCode.Forbidden && !IsExpiredCredentials(error));

    public static bool IsNotFound(S3ServiceFailure error) =>
        error.ErrorCode is { } code && NotFoundCodes.Contains(code) || error.StatusCode == HttpStatusCode.NotFound;

    public static bool IsWrongRegion(S3ServiceFailure error) =>
        error.ErrorCode is { } code && WrongRegionCodes.Contains(code) || error.StatusCode == HttpStatusCode.MovedPermanently;

    public static bool IsTransient(S3ServiceFailure error) =>
        (error.ErrorCode is { } code && TransientCodes.Contains(code))
        || error.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    public static bool IsNetworkFailure(Exception error) =>
        error is HttpRequestException or IOException or SocketException or TimeoutException
        || (error.InnerException is { } inner && IsNetworkFailure(inner));
}
