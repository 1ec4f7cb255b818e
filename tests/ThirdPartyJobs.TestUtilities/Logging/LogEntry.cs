using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>One entry captured by <see cref="CapturingLoggerProvider"/>.</summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The entry's level.</param>
/// <param name="EventId">The entry's event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="State">The structured values, each as text.</param>
/// <param name="Exception">The exception's full <c>ToString()</c>, or null.</param>
/// <param name="Scopes">The scopes open around the entry, innermost last.</param>
public sealed record LogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, string?>> State,
    string? Exception,
    IReadOnlyList<string> Scopes)
{
    /// <summary>The structured values as <c>Key=Value</c> strings.</summary>
    public IReadOnlyList<string> Values => [.. State.Select(pair => $"{pair.Key}={pair.Value}")];

    /// <summary>Everything the entry carries, on one line: level, category, event id, message, values, scopes and exception.</summary>
    public string FullText =>
        $"[{Level}] {Category} {EventId}: {Message} | {string.Join("; ", Values)} | {string.Join("; ", Scopes.Select(scope => "scope: " + scope))} | {Exception}";

    /// <summary>The structured value named <paramref name="key"/>, or null.</summary>
    public string? Value(string key) => State.FirstOrDefault(pair => pair.Key == key).Value;

    /// <inheritdoc />
    public override string ToString() => FullText;
}
