namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>A request as the recording proxy received it, and the status it answered with.</summary>
public sealed class RecordedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
{
    public string Method { get; } = method;

    /// <summary>The path, e.g. <c>/bucket/key</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The query string with its leading '?', or empty.</summary>
    public string Query { get; } = query;

    /// <summary>Request headers by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>The status code the proxy answered with (injected or forwarded).</summary>
    public int Status { get; set; }

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public bool HasQuery(string parameter) =>
        Query.TrimStart('?').Split('&').Any(part => part == parameter || part.StartsWith(parameter + "=", StringComparison.Ordinal));

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
