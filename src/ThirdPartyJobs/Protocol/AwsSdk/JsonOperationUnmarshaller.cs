using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Reads a CodePipeline response. Bodies are read bounded, under the attempt's token, and parsed
/// by the library's own readers outside the SDK pipeline, so every failure becomes a typed library
/// error. An error answer is thrown as <see cref="ErrorResponseException"/> with its status,
/// request id, code and scrubbed message.
/// </summary>
internal sealed class JsonOperationUnmarshaller(JsonOperationRequest request) : JsonResponseUnmarshaller
{
    /// <summary>Larger success bodies are refused; a real job details response is a few KB.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Error bodies are read this far and no further: CodePipeline's are a few hundred bytes.</summary>
    public const int MaxErrorBytes = 64 * 1024;

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        var requestId = RequestIdOf(input.ResponseData);
        var body = BoundedBody.Read(input.Stream, MaxResponseBytes, request.CancellationToken, out var truncated);
        if (truncated)
        {
            throw new ResponseTooLargeException(input.ResponseData.StatusCode, requestId);
        }

        return new JsonOperationResponse { Body = body, RequestId = requestId, HttpStatusCode = input.ResponseData.StatusCode };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        var headers = input.ResponseData;
        var body = BoundedBody.Read(input.Stream, MaxErrorBytes, request.CancellationToken, out var truncated);
        var error = ErrorBody.Read(body, truncated);
        var code = ErrorMapper.NormalizeCode(headers?.GetHeaderValue("X-Amzn-ErrorType")) ?? ErrorMapper.NormalizeCode(error.Code);

        // Scrub here, before anything can log it; throw rather than return: for a returned exception the SDK logs
        // the raw error body when response logging is on, for a thrown one it rethrows it unchanged.
        throw new ErrorResponseException(
            statusCode,
            RequestIdOf(headers),
            code,
            SecretScrubber.Scrub(error.Message, request.Secrets),
            error.NotJson,
            truncated);
    }

    private static string? RequestIdOf(IWebResponseData? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["x-amzn-RequestId", "x-amz-request-id"])
        {
            if (headers.IsHeaderPresent(name) && headers.GetHeaderValue(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }
}
