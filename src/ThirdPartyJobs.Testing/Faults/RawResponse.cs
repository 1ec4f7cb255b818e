namespace ThirdPartyJobs.Testing;

/// <summary>
/// A response that the emulator sends verbatim instead of handling a call (see
/// <see cref="EmulatorFaults.RespondNext"/>), to test how a client copes with odd or malformed answers.
/// </summary>
public sealed class RawResponse
{
    /// <summary>Creates a raw response.</summary>
    /// <param name="statusCode">The HTTP status code (100-599).</param>
    /// <param name="body">The body, sent as UTF-8; may be empty.</param>
    public RawResponse(int statusCode, string body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(body);
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body.</summary>
    public string Body { get; }

    /// <summary>The <c>Content-Type</c>; <see langword="null"/> sends none. Defaults to <c>application/x-amz-json-1.1</c>.</summary>
    public string? ContentType { get; init; } = "application/x-amz-json-1.1";

    /// <summary>More response headers, sent as given.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether to send the usual <c>x-amzn-RequestId</c> header. Defaults to <see langword="true"/>.</summary>
    public bool IncludeRequestId { get; init; } = true;
}
