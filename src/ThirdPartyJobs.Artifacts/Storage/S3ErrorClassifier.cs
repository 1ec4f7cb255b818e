using System.Net;
using Amazon.Runtime;
using Polly.Timeout;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>Sorts S3 failures: worth another attempt, expired credentials, or final.</summary>
internal sealed class S3ErrorClassifier : IRetryClassifier
{
    public static readonly S3ErrorClassifier Instance = new();

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
        AwsErrorClassifier.IsThrottlingCode(error.ErrorCode) || AwsErrorClassifier.IsTransientCode(error.ErrorCode)
        || (error.StatusCode is { } status && (AwsErrorClassifier.IsTransientStatus(status) || AwsErrorClassifier.IsThrottlingStatus(status)));

    public static bool IsNetworkFailure(Exception error) => AwsErrorClassifier.IsNetworkFailure(error);

    bool IRetryClassifier.IsRetryable(Exception error, CancellationToken callerToken) => IsTransient(error, callerToken);

    /// <summary>S3's code, else the status, else the kind of failure: what the retry log line shows.</summary>
    public string ErrorCode(Exception error) => error switch
    {
        S3ServiceFailure { ErrorCode: { } code } => code,
        S3ServiceFailure { StatusCode: { } status } => "HTTP " + (int)status,
        TimeoutRejectedException => "AttemptTimeout",
        AmazonServiceException { InnerException: { } inner } => inner.GetType().Name,
        _ => error.GetType().Name,
    };
}
