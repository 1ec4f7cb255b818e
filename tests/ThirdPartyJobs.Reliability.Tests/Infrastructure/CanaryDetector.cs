namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>Finds any <see cref="Canaries.Window"/>-character window of a set of secret values in a text.</summary>
internal sealed class CanaryDetector
{
    private readonly Dictionary<string, string> _windowOwners = new(StringComparer.Ordinal);

    public CanaryDetector(IEnumerable<KeyValuePair<string, string>> secrets)
    {
        foreach (var (name, value) in secrets)
        {
            Add(name, value);
        }
    }

    public void Add(string name, string value)
    {
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
