using System.Net;

namespace ThirdPartyJobs.Protocol;

/// <summary>Maps a CodePipeline error answer to the library's exception types.</summary>
internal static class ErrorMapper
{
    // Codes AWS services use for throttling (the SDK's own list, plus CodePipeline's).
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "InternalServerError",
        "InternalServiceError", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
    };

    /// <summary>Strips the forms AWS wraps codes in: <c>ns#Code</c> in <c>__type</c>, <c>Code:uri</c> in <c>X-Amzn-ErrorType</c>.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var span = code.AsSpan().Trim();
        var colon = span.IndexOf(':');
        if (colon >= 0)
        {
            span = span[..colon];
        }

        var hash = span.LastIndexOf('#');
        if (hash >= 0)
        {
            span = span[(hash + 1)..];
        }

        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>
    /// Builds the exception for an error answer, once and complete. <paramref name="details"/> carries the raw
    /// code (normalized here) and the service's message, already scrubbed of secrets; <paramref name="excerpt"/>
    /// is the scrubbed start of a body that was not JSON.
    /// </summary>
    public static ThirdPartyJobException FromServiceError(ServiceErrorDetails details, string? excerpt = null, bool truncated = false)
    {
        var code = NormalizeCode(details.ErrorCode);
        var status = details.StatusCode ?? 0;
        details = details with { ErrorCode = code, ServiceMessage = string.IsNullOrWhiteSpace(details.ServiceMessage) ? null : details.ServiceMessage };
        var text = Describe(code, status, details.ServiceMessage, excerpt, truncated);
        return code switch
        {
            "JobNotFoundException" => new JobNotFoundException(text, details),
            "InvalidClientTokenException" => new InvalidClientTokenException(text, details),
            "InvalidJobException" => new InvalidJobException(text, details),
            "InvalidNonceException" => new InvalidNonceException(text, details),
            "InvalidJobStateException" => new InvalidJobStateException(text, details),
            "ActionTypeNotFoundException" => new ActionTypeNotFoundException(text, details),
            "ValidationException" => new ServiceValidationException(text, details),
            "OutputVariablesSizeExceededException" => new OutputVariablesSizeExceededException(text, details),
            not null when ThrottlingCodes.Contains(code) => new ThrottledException(text, details),
            _ when status == HttpStatusCode.TooManyRequests => new ThrottledException(text, details),
            not null when TransientCodes.Contains(code) => new ServiceUnavailableException(text, details),
            _ when IsTransientStatus(status) => new ServiceUnavailableException(text, details),
            _ => new ThirdPartyJobException(text, details),
        };
    }

    /// <summary>An HTTP status that says "try again": 500, 502, 503, 504 (and 408).</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    // The service's message when it sent one; otherwise what is known, with at most a short excerpt of a body that is not JSON.
    private static string Describe(string? code, HttpStatusCode status, string? serviceMessage, string? excerpt, bool truncated)
    {
        if (serviceMessage is not null)
        {
            return serviceMessage.Trim();
        }

        var text = code is null
            ? $"CodePipeline answered with HTTP {(int)status} and no error code"
            : $"CodePipeline answered with {code} and no message";
        if (excerpt is not null)
        {
            text += $"; the body is not JSON and starts with \"{excerpt}\"";
        }

        if (truncated)
        {
            text += $"; the body was longer than {AwsSdk.JsonOperationUnmarshaller.MaxErrorBytes} bytes and was read no further";
        }

        return text + ".";
    }
}
