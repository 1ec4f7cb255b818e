using System.Globalization;
using NUnit.Framework;

namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>
/// The seed of a randomized suite: fixed by default so CI is reproducible, overridable with an
/// environment variable to explore, and always printed so that any failure can be replayed.
/// </summary>
internal static class TestSeed
{
    public static int Resolve(string environmentVariable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(environmentVariable);
        var seed = string.IsNullOrWhiteSpace(text) ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
        TestContext.Out.WriteLine($"seed {seed} (replay with {environmentVariable}={seed})");
        return seed;
    }

    public static int ResolveCount(string environmentVariable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(environmentVariable);
        return string.IsNullOrWhiteSpace(text) ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
    }
}
