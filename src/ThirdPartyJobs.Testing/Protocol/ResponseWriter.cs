using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

using ThirdPartyJobs.Testing.Faults;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Writes AWS JSON 1.1 responses: successes, errors in the configured style, and raw scripted responses.</summary>
internal sealed class ResponseWriter(ErrorCodeStyle style, TimeProvider time)
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string ErrorTypeHeader = "X-Amzn-ErrorType";

    /// <summary>Sets the headers every answer carries: the request id and a <c>Date</c> on the emulator's clock.</summary>
    public void StartResponse(HttpContext context, string requestId, bool includeRequestId = true)
    {
        if (includeRequestId)
        {
            context.Response.Headers[RequestIdHeader] = requestId;
        }

        // AWS SDKs correct clock skew from the Date header, so it follows the emulator's clock, not the machine's.
        context.Response.Headers.Date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
    }

    public static Task WriteSuccessAsync(HttpContext context, byte[] body, CancellationToken cancellationToken) =>
        WriteAsync(context, StatusCodes.Status200OK, ContentType, body, cancellationToken);

    public Task WriteErrorAsync(HttpContext context, AwsException error, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonSettings.WriterOptions))
        {
            json.WriteStartObject();
            switch (style)
            {
                case ErrorCodeStyle.NamespacedTypeField:
                    json.WriteString("__type", error.Namespace + "#" + error.Code);
                    break;
                case ErrorCodeStyle.ErrorTypeHeader:
                    context.Response.Headers[ErrorTypeHeader] = $"{error.Code}:http://internal.amazon.com/coral/{error.Namespace}/";
                    break;
                default:
                    json.WriteString("__type", error.Code);
                    break;
            }

            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        return WriteAsync(context, error.StatusCode, ContentType, buffer.ToArray(), cancellationToken);
    }

    public static Task WriteRawAsync(HttpContext context, RawResponse response, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return WriteAsync(context, response.StatusCode, response.ContentType, Encoding.UTF8.GetBytes(response.Body), cancellationToken);
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
