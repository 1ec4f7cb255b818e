using System.Net;

namespace ThirdPartyJobs.Protocol;

/// <summary>Maps a CodePipeline error answer to the library's exception types.</summary>
internal static class ErrorMapper
{
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
    /// code (normalized here) and the service's message, already scrubbed of secrets; <paramref name="notJson"/>
    /// says the body was not JSON.
    /// </summary>
    public static ThirdPartyJobException FromServiceError(ServiceErrorDetails details, bool notJson = false, bool truncated = false)
    {
        var code = NormalizeCode(details.ErrorCode);
        var status = details.StatusCode ?? 0;
        details = details with { ErrorCode = code, ServiceMessage = string.IsNullOrWhiteSpace(details.ServiceMessage) ? null : details.ServiceMessage };
        var text = Describe(code, status, details.ServiceMessage, notJson, truncated);
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
            _ when AwsErrorClassifier.IsThrottlingCode(code) => new ThrottledException(text, details),
            _ when AwsErrorClassifier.IsThrottlingStatus(status) => new ThrottledException(text, details),
            _ when AwsErrorClassifier.IsTransientCode(code) => new ServiceUnavailableException(text, details),
            _ when AwsErrorClassifier.IsTransientStatus(status) => new ServiceUnavailableException(text, details),
            _ => new ThirdPartyJobException(text, details),
        };
    }

    // The service's message when it sent one; otherwise what is known. A body that is not JSON (a proxy's or
    // load balancer's page) is never quoted: such pages can echo anything, secrets the client does not know included.
    private static string Describe(string? code, HttpStatusCode status, string? serviceMessage, bool notJson, bool truncated)
    {
        if (serviceMessage is not null)
        {
            return serviceMessage.Trim();
        }

        var text = code is null
            ? $"CodePipeline answered with HTTP {(int)status} and no error code"
            : $"CodePipeline answered with {code} and no message";
        if (notJson)
        {
            text += "; the body is not JSON (not quoted: it may echo secrets)";
        }

        if (truncated)
        {
            text += $"; the body was longer than {AwsSdk.JsonOperationUnmarshaller.MaxErrorBytes} bytes and was read no further";
        }

        return text + ".";
    }
}
