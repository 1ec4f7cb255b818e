using System.Text;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>One scripted answer of <see cref="CannedHttpServer"/>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (UTF-8).</param>
/// <param name="Headers">Headers besides Content-Type, Content-Length and x-amzn-RequestId.</param>
/// <param name="Delay">How long to wait before answering.</param>
/// <param name="Reset">Reset the connection (TCP RST) instead of answering.</param>
public sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay = default, bool Reset = false)
{
    /// <summary>The Content-Type header.</summary>
    public string ContentType { get; init; } = "application/x-amz-json-1.1";

    /// <summary>The x-amzn-RequestId header.</summary>
    public string RequestId { get; init; } = "canned-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>When set, only this many bytes of the serialized answer are sent before the connection is reset.</summary>
    public int? ResetAfterBytes { get; init; }

    /// <summary>When set, only this many bytes of the serialized answer are sent, and then nothing until the server stops.</summary>
    public int? StallAfterBytes { get; init; }

    /// <summary>An answer with <paramref name="status"/>, <paramref name="body"/> and extra <paramref name="headers"/>.</summary>
    public static CannedResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(header => header.Name, header => header.Value));

    /// <summary>A CodePipeline error: <paramref name="type"/> in the body's <c>__type</c> (and, when <paramref name="typeHeader"/>, in X-Amzn-ErrorType too).</summary>
    public static CannedResponse Error(int status, string type, string message = "", bool typeHeader = false)
    {
        var body = $$"""{"__type":"{{type}}","message":"{{message}}"}""";
        return typeHeader ? Json(status, body, ("X-Amzn-ErrorType", type)) : Json(status, body);
    }

    /// <summary>A connection reset instead of an answer.</summary>
    public static CannedResponse ConnectionReset() => new(0, "", new Dictionary<string, string>(), Reset: true);

    /// <summary>The answer as bytes on the wire.</summary>
    public byte[] Serialize()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n")
            .Append("Content-Type: ").Append(ContentType).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("x-amzn-RequestId: ").Append(RequestId).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
