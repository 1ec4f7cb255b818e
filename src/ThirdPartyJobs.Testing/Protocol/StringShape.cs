using System.Globalization;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// A string shape of the CodePipeline model with its constraints (length in Unicode code points, a pattern that
/// must match the whole value, an enum value set) and the Coral-style messages for values that break them.
/// </summary>
internal sealed class StringShape(string name, int? min = null, int? max = null, string? pattern = null, IReadOnlyList<string>? enumValues = null, bool sensitive = false)
{
    private readonly Regex? _regex = pattern is null
        ? null
        : new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>The shape's name in the model, e.g. <c>ThirdPartyJobId</c>.</summary>
    public string Name { get; } = name;

    public int? Min { get; } = min;

    public int? Max { get; } = max;

    public string? Pattern { get; } = pattern;

    public IReadOnlyList<string>? EnumValues { get; } = enumValues;

    /// <summary>Whether a value of this shape must never be echoed in a message.</summary>
    public bool Sensitive { get; } = sensitive;

    /// <summary>The constraints that <paramref name="value"/> breaks, as "Member must ..." phrases.</summary>
    public IEnumerable<string> Check(string value)
    {
        if (EnumValues is not null)
        {
            if (!EnumValues.Contains(value, StringComparer.Ordinal))
            {
                yield return "Member must satisfy enum value set: [" + string.Join(", ", EnumValues) + "]";
            }

            yield break;
        }

        var length = CodePoints(value);
        if (Min is { } min && length < min)
        {
            yield return "Member must have length greater than or equal to " + min.ToString(CultureInfo.InvariantCulture);
        }

        if (Max is { } max && length > max)
        {
            yield return "Member must have length less than or equal to " + max.ToString(CultureInfo.InvariantCulture);
        }

        if (_regex is not null && !_regex.IsMatch(value))
        {
            yield return "Member must satisfy regular expression pattern: " + Pattern;
        }
    }

    /// <summary>Whether <paramref name="value"/> meets every constraint.</summary>
    public bool IsValid(string value) => !Check(value).Any();

    private static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
