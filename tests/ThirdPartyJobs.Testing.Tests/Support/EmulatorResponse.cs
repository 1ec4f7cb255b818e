using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NUnit.Framework.Constraints;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>An answer from the emulator, read the way an AWS JSON 1.1 client reads it.</summary>
internal sealed class EmulatorResponse
{
    public EmulatorResponse(HttpStatusCode statusCode, string body, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers;
        ContentHeaders = contentHeaders;
    }

    public HttpStatusCode StatusCode { get; }

    public string Body { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? RequestId => Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.Single() : null;

    /// <summary>The error code from any of the three forms: X-Amzn-ErrorType header, namespaced or bare __type.</summary>
    public string? ErrorCode
    {
        get
        {
            if (Headers.TryGetValues("X-Amzn-ErrorType", out var values))
            {
                return values.Single().Split(':')[0];
            }

            if (Body.Length > 0 && Json.TryGetProperty("__type", out var type))
            {
                var code = type.GetString()!;
                return code[(code.LastIndexOf('#') + 1)..];
            }

            return null;
        }
    }

    public string? Message => Json.TryGetProperty("message", out var message) ? message.GetString() : null;

    /// <summary>
    /// Asserts, all together, that this is an error answer: the HTTP status, the error code and, when given, a
    /// message that meets <paramref name="message"/>.
    /// </summary>
    public void AssertError(int statusCode, string errorCode, IResolveConstraint? message = null) =>
        Assert.Multiple(() =>
        {
            Assert.That((int)StatusCode, Is.EqualTo(statusCode), ToString());
            Assert.That(ErrorCode, Is.EqualTo(errorCode));
            if (message is not null)
            {
                Assert.That(Message, message);
            }
        });

    public override string ToString() => $"{(int)StatusCode} {Body}";
}
