using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>
/// Reads a CodePipeline response. Success bodies are copied out whole (bounded) and parsed by the
/// library's own reader, outside the SDK pipeline, so parse failures become typed library errors.
/// Error bodies go through the SDK's <see cref="JsonErrorResponseUnmarshaller"/>, which reads the
/// code from <c>__type</c> or the <c>X-Amzn-ErrorType</c> header.
/// </summary>
internal sealed class JsonOperationUnmarshaller : JsonResponseUnmarshaller
{
    /// <summary>Larger success bodies are refused; a real job details response is a few KB.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    public static JsonOperationUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input) =>
        new JsonOperationResponse { Body = ReadBounded(input.Stream) };

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        ErrorResponse error;
        try
        {
            var reader = new StreamingUtf8JsonReader(input.Stream);
            error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(input, ref reader);
        }
#pragma warning disable CA1031 // An unreadable error body (HTML from a proxy, truncated JSON) still is an error with a status.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = new ErrorResponse
            {
                Code = input.ResponseData?.GetHeaderValue("X-Amzn-ErrorType"),
                RequestId = input.ResponseData?.GetHeaderValue("x-amzn-RequestId"),
            };
        }

        return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }

    private static byte[] ReadBounded(Stream stream)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var span = buffer.GetSpan(4096);
            var read = stream.Read(span);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxResponseBytes)
            {
                throw new ResponseTooLargeException();
            }
        }
    }
}

/// <summary>Thrown inside the SDK pipeline when a success body exceeds <see cref="JsonOperationUnmarshaller.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException() : Exception($"The response is larger than {JsonOperationUnmarshaller.MaxResponseBytes} bytes.");
