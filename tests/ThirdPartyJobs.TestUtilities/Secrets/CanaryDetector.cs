namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Finds any <see cref="Canaries.Window"/>-character stretch of a set of secret values in a text:
/// a secret leaks even when it is truncated, split or quoted in part.
/// </summary>
public sealed class CanaryDetector
{
    private readonly Dictionary<string, string> _windowOwners = new(StringComparer.Ordinal);

    /// <summary>A detector for <paramref name="secrets"/> (name, value).</summary>
    public CanaryDetector(IEnumerable<KeyValuePair<string, string>> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var (name, value) in secrets)
        {
            Add(name, value);
        }
    }

    /// <summary>Adds a secret; a window shared with an earlier secret keeps the earlier name.</summary>
    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i + Canaries.Window <= value.Length; i++)
        {
            _windowOwners.TryAdd(value.Substring(i, Canaries.Window), name);
        }
    }

    /// <summary>The name of the first secret found in <paramref name="text"/>, or null.</summary>
    public string? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i + Canaries.Window <= text.Length; i++)
        {
            if (_windowOwners.TryGetValue(text.Substring(i, Canaries.Window), out var owner))
            {
                return owner;
            }
        }

        return null;
    }
}
