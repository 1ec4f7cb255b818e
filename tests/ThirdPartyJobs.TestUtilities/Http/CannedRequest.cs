namespace ThirdPartyJobs.TestUtilities;

/// <summary>A request <see cref="CannedHttpServer"/> saw.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request target.</param>
/// <param name="Headers">The headers (names case-insensitive).</param>
/// <param name="Body">The body, as UTF-8 text.</param>
public sealed record CannedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The CodePipeline operation named by <c>X-Amz-Target</c> (<c>CodePipeline_20150709.PollForThirdPartyJobs</c> → <c>PollForThirdPartyJobs</c>), or empty.</summary>
    public string Operation => Header("X-Amz-Target") is var target && target.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? target[(dot + 1)..] : target;

    /// <summary>The header named <paramref name="name"/>, or empty.</summary>
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
