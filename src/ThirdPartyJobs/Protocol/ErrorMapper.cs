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

    /// <summary>Builds the exception for an error answer. <paramref name="message"/> must already be scrubbed of secrets.</summary>
    public static ThirdPartyJobException FromServiceError(string? rawCode, string? message, HttpStatusCode status, string? requestId, string operation, string? jobId)
    {
        var code = NormalizeCode(rawCode);
        var details = new ServiceErrorDetails(operation, code, requestId, status, jobId);
        var text = string.IsNullOrWhiteSpace(message) ? DefaultMessage(code, status) : message.Trim();
        return code switch
        {
            "JobNotFoundException" => new JobNotFoundException(text, details),
            "InvalidClientTokenException" => new InvalidClientTokenException(text, details),
            "InvalidJobException" => new InvalidJobException(text, details),
            "InvalidNonceException" => new InvalidNonceException(text, details),
            "InvalidJobStateException" => new InvalidJobStateException(text, details),
            "ActionTypeNotFoundException" => new ActionTypeNotFoundException(text, details),
            "ValidationException" => new ServiceValidationException(text, details),
            _ when AwsErrorClassifier.IsThrottlingCode(code) => new ThrottledException(text, details),
            _ when AwsErrorClassifier.IsThrottlingStatus(status) => new ThrottledException(text, details),
            _ when AwsErrorClassifier.IsTransientCode(code) => new ServiceUnavailableException(text, details),
            _ when AwsErrorClassifier.IsTransientStatus(status) => new ServiceUnavailableException(text, details),
            _ => new ThirdPartyJobException(text, details),
        };
    }

    private static string DefaultMessage(string? code, HttpStatusCode status) =>
        code is null
            ? $"CodePipeline answered with HTTP {(int)status} and no error code."
            : $"CodePipeline answered with {code}.";
}
