using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>Who a response belongs to, so a parse failure is built complete: operation, job, request id, status and attempts.</summary>
internal readonly record struct ParseContext(string Operation, string? JobId, string? RequestId, HttpStatusCode StatusCode = HttpStatusCode.OK, int Attempts = 1)
{
    public MalformedResponseException Malformed(string message) =>
        new($"CodePipeline's response could not be understood: {message}", new ServiceErrorDetails(Operation, RequestId: RequestId, StatusCode: StatusCode, JobId: JobId, Attempts: Attempts));

    public MalformedResponseException WrongType(string path, string expected, JsonTokenType actual) =>
        Malformed($"expected {expected} at {path} but found {actual}.");

    public MalformedResponseException InvalidText(string? path = null) =>
        Malformed(path is null ? "the body has text that is not valid UTF-8 or has an invalid escape." : $"the text at {path} is not valid UTF-8 or has an invalid escape.");

    // JsonException messages can quote a character of the body, which may be part of a secret: keep only the position.
    public MalformedResponseException InvalidJson(JsonException error) =>
        Malformed(string.Create(CultureInfo.InvariantCulture, $"the body is not valid JSON (line {error.LineNumber ?? 0}, byte {error.BytePositionInLine ?? 0})."));
}
