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

    private const int ScratchBytes = 16 * 1024;

    private readonly IReadOnlyList<string> _secrets;

    /// <summary>An unmarshaller for requests that carry no secrets.</summary>
    public JsonOperationUnmarshaller()
        : this([])
    {
    }

    /// <summary>An unmarshaller that keeps <paramref name="secrets"/> from the request out of error messages.</summary>
    public JsonOperationUnmarshaller(IReadOnlyList<string> secrets) => _secrets = secrets;

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

        // An error message can quote request values (a validation message echoing the client token). Scrub it here,
        // before the SDK logs the exception, and throw rather than return: for a returned exception the SDK logs the
        // raw error body ("Received error response: [...]") when response logging is on, secrets and all; for a thrown
        // one it logs only the exception ("Failed to unmarshall a service error response.") and rethrows it unchanged.
        throw new AmazonServiceException(SecretScrubber.Scrub(error.Message, _secrets), innerException, error.Type, error.Code, error.RequestId, statusCode);
    }

    // Reads into a pooled scratch buffer so that a call allocates only the final body array.
    // The scratch bytes hold secrets (artifact credentials), so they are cleared before the buffer goes back.
    private static byte[] ReadBounded(Stream stream)
    {
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(ScratchBytes);
        var written = 0;
        try
        {
            while (true)
            {
                if (written == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, written).CopyTo(larger);
                    Release(pool, buffer, written);
                    buffer = larger;
                }

                var read = stream.Read(buffer, written, buffer.Length - written);
                if (read == 0)
                {
                    return buffer.AsSpan(0, written).ToArray();
                }

                written += read;
                if (written > MaxResponseBytes)
                {
                    throw new ResponseTooLargeException();
                }
            }
        }
        finally
        {
            Release(pool, buffer, written);
        }
    }

    private static void Release(ArrayPool<byte> pool, byte[] buffer, int written)
    {
        buffer.AsSpan(0, Math.Min(written, buffer.Length)).Clear();
        pool.Return(buffer);
    }
}

/// <summary>Thrown inside the SDK pipeline when a success body exceeds <see cref="JsonOperationUnmarshaller.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException() : Exception($"The response is larger than {JsonOperationUnmarshaller.MaxResponseBytes} bytes.");
