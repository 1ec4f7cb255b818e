using System.Globalization;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>An integer shape of the CodePipeline model with its range constraint.</summary>
internal sealed class IntegerShape(string name, int? min, int? max)
{
    public string Name { get; } = name;

    public int? Min { get; } = min;

    public int? Max { get; } = max;

    /// <summary>The constraints that <paramref name="value"/> breaks, as "Member must ..." phrases.</summary>
    public IEnumerable<string> Check(long value)
    {
        if (Min is { } min && value < min)
        {
            yield return "Member must have value greater than or equal to " + min.ToString(CultureInfo.InvariantCulture);
        }

        if (Max is { } max && value > max)
        {
            yield return "Member must have value less than or equal to " + max.ToString(CultureInfo.InvariantCulture);
        }
    }
}
