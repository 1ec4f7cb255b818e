namespace ThirdPartyJobs.Testing;

/// <summary>
/// One request the emulator received, with how it was answered. Recorded in memory for tests only (never
/// logged): the headers and the body hold what the client sent, secrets included.
/// </summary>
public sealed record RecordedRequest
{
    /// <summary>The order of arrival, from 1.</summary>
    public long Sequence { get; internal init; }

    /// <summary>The <c>x-amzn-RequestId</c> the emulator answered with.</summary>
    public string RequestId { get; internal init; } = string.Empty;

    /// <summary>The operation named by <c>X-Amz-Target</c>, or <see langword="null"/> when it named none the emulator knows.</summary>
    public CodePipelineOperation? Operation { get; internal init; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; internal init; } = string.Empty;

    /// <summary>The request target as sent (path and query).</summary>
    public string Path { get; internal init; } = string.Empty;

    /// <summary>The request headers (names case-insensitive; repeated headers joined with commas), <c>X-Amz-Target</c> included.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Holds the signature and, with temporary keys, the session token.
    public IReadOnlyDictionary<string, string> Headers { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The body, decoded as UTF-8.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Holds client tokens and nonces.
    public string Body { get; internal init; } = string.Empty;

    /// <summary>When the request arrived, on the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; internal init; }

    /// <summary>The fault applied to the call, if one was.</summary>
    public FaultKind? Fault { get; internal init; }

    /// <summary>The HTTP status answered; 0 when the call ended without an answer (reset by a fault, or given up by the client).</summary>
    public int StatusCode { get; internal init; }

    /// <summary>The error code answered (bare, e.g. <c>JobNotFoundException</c>), or <see langword="null"/> for a success or a raw response.</summary>
    public string? ErrorCode { get; internal init; }

    // The body carries client tokens and nonces, the headers a signature: show sizes and names only.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Sequence = {Sequence}, RequestId = {RequestId}, Operation = {Operation}, Method = {Method}, Path = {Path}, Headers = [{string.Join(", ", Headers?.Keys ?? [])}], Body = <{Body?.Length ?? 0} chars>, ReceivedAt = {ReceivedAt:O}, Fault = {Fault}, StatusCode = {StatusCode}, ErrorCode = {ErrorCode}");
        return true;
    }
}
