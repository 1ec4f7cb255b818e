using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ThirdPartyJobs.Hosting.ClientTokens;

/// <summary>
/// <see cref="ThirdPartyJobWorkerOptions.ClientTokens"/>: a dictionary whose values are write-only
/// from the outside. The indexer and <see cref="TryGetValue"/> return a token for a client id the
/// caller names; everything that walks the dictionary (enumeration, <see cref="Values"/>,
/// serializers such as System.Text.Json and Newtonsoft.Json, Serilog's <c>{@Options}</c>, property
/// dumps, the debugger, <see cref="ToString"/>) sees <c>***</c> in place of each token.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Internal; named for what it holds.")]
internal sealed class ClientTokenDictionary : IDictionary<string, string>
{
    public const string Redacted = "***";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public int Count => _tokens.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => _tokens.Keys;

    public ICollection<string> Values => _tokens.Values.Select(static _ => Redacted).ToArray();

    /// <summary>The real entries, for the worker's own use.</summary>
    internal IEnumerable<KeyValuePair<string, string>> Secrets => _tokens;

    public string this[string key]
    {
        get => _tokens[key];
        set => _tokens[key] = value;
    }

    public void Add(string key, string value) => _tokens.Add(key, value);

    public void Add(KeyValuePair<string, string> item) => _tokens.Add(item.Key, item.Value);

    public bool ContainsKey(string key) => _tokens.ContainsKey(key);

    public bool Contains(KeyValuePair<string, string> item) => ((ICollection<KeyValuePair<string, string>>)_tokens).Contains(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _tokens.TryGetValue(key, out value);

    public bool Remove(string key) => _tokens.Remove(key);

    public bool Remove(KeyValuePair<string, string> item) => ((ICollection<KeyValuePair<string, string>>)_tokens).Remove(item);

    public void Clear() => _tokens.Clear();

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => Redact().ToArray().CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Redact().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Lists client ids only: <c>ClientTokens { client-1 = ***, client-2 = *** }</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"ClientTokens {{ {string.Join(", ", _tokens.Keys.Select(static key => key + " = " + Redacted))} }}";

    private IEnumerable<KeyValuePair<string, string>> Redact() => _tokens.Keys.Select(static key => new KeyValuePair<string, string>(key, Redacted));
}
