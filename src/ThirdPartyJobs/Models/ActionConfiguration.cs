using System.Collections;
using System.Diagnostics;

namespace ThirdPartyJobs;

/// <summary>
/// The action's configuration: the properties the pipeline author set on the action, some of
/// which are secret. Values are never shown by <see cref="ToString"/>, the debugger or JSON
/// serialization (only the keys are); read them with <see cref="GetSecretValue"/> or
/// <see cref="TryGetSecretValue"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record ActionConfiguration
{
    // The one field: the record's generated equality compares it, by value (see Map).
    private readonly Map _map;

    /// <summary>The empty configuration (what a job without one has; the model factory builds others for tests).</summary>
    internal static ActionConfiguration Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), trusted: true);

    /// <summary>Creates a configuration from key/value pairs (keys are case-sensitive, as in CodePipeline).</summary>
    /// <param name="values">The configuration properties.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A key appears twice, or a key or value is null.</exception>
    internal ActionConfiguration(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (key is null || value is null)
            {
                throw new ArgumentException("Configuration keys and values must not be null.", nameof(values));
            }

            // The key may be shown; the value never is.
            if (!map.TryAdd(key, value))
            {
                throw new ArgumentException($"The configuration key '{key}' appears more than once.", nameof(values));
            }
        }

        _map = new Map(map);
    }

    private ActionConfiguration(Dictionary<string, string> values, bool trusted)
    {
        _ = trusted;
        _map = new Map(values);
    }

    /// <summary>The configuration keys (not secret).</summary>
    public IReadOnlyCollection<string> Keys => _map;

    /// <summary>Wraps a dictionary the parser built (ordinal keys, no nulls) without copying it.</summary>
    internal static ActionConfiguration FromTrustedDictionary(Dictionary<string, string> values) => new(values, trusted: true);

    /// <summary>Returns the value of <paramref name="key"/>.</summary>
    /// <param name="key">The configuration key.</param>
    /// <exception cref="KeyNotFoundException">There is no such key.</exception>
    public string GetSecretValue(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _map.Values.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"The action configuration has no key '{key}'.");
    }

    /// <summary>Gets the value of <paramref name="key"/> when present.</summary>
    /// <param name="key">The configuration key.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether the key was found.</returns>
    public bool TryGetSecretValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _map.Values.TryGetValue(key, out value);
    }

    /// <summary>Returns the keys with every value redacted: <c>ActionConfiguration { ApiKey = ***, Project = *** }</c>.</summary>
    public override string ToString() =>
        _map.Count == 0
            ? "ActionConfiguration { }"
            : $"ActionConfiguration {{ {string.Join(", ", _map.Order(StringComparer.Ordinal).Select(k => k + " = ***"))} }}";

    // The keys as a read-only collection, and the pairs compared by value (ordinal), so that two jobs with the same configuration are equal.
    private sealed class Map(Dictionary<string, string> values) : IReadOnlyCollection<string>
    {
        public Dictionary<string, string> Values { get; } = values;

        public int Count => Values.Count;

        public IEnumerator<string> GetEnumerator() => Values.Keys.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override bool Equals(object? obj) =>
            obj is Map other
            && other.Count == Count
            && Values.All(pair => other.Values.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

        public override int GetHashCode() => Count;
    }
}
