using System.Net;
using Amazon.Runtime;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// An S3 error answer, stripped down to what is safe to show before anything else sees it (the
/// retry pipeline logs what it handles): code, status, request id and S3's message with every
/// credential string scrubbed out. The SDK exception is deliberately not kept: its raw response can
/// quote the access key id.
/// </summary>
/// <param name="message">S3's message, scrubbed.</param>
/// <param name="errorCode">S3's error code.</param>
/// <param name="statusCode">The HTTP status.</param>
/// <param name="requestId">S3's request id.</param>
internal sealed class S3ServiceFailure(string message, string? errorCode, HttpStatusCode? statusCode, string? requestId) : Exception(message)
{
    public string? ErrorCode { get; } = errorCode;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;

    /// <summary>Whether <paramref name="error"/> is an answer from S3 (as opposed to a failure to get one).</summary>
    public static bool IsServiceAnswer(AmazonServiceException error) => error.StatusCode != 0 || error.ErrorCode is not null;

    public static S3ServiceFailure From(AmazonServiceException error, IReadOnlyList<string> secrets)
    {
        var message = SecretScrubber.Scrub(error.Message, secrets);
        return new S3ServiceFailure(
            string.IsNullOrWhiteSpace(message) ? string.Empty : message.Trim(),
            string.IsNullOrWhiteSpace(error.ErrorCode) ? null : error.ErrorCode,
            error.StatusCode == 0 ? null : error.StatusCode,
            error.RequestId);
    }
}
