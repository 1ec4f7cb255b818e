using System.Globalization;

namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>
/// The seed of a randomized suite: fixed by default so CI is reproducible, overridable with an
/// environment variable to explore, and always printed so that any failure can be replayed.
/// </summary>
internal static class TestSeed
{
    public static int Resolve(string environmentVariable, int fallback)
    {
        var seed = ResolveCount(environmentVariable, fallback);
        TestContext.Out.WriteLine($"seed {seed} (replay with {environmentVariable}={seed})");
        return seed;
    }

    public static int ResolveCount(string environmentVariable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(environmentVariable);
        return string.IsNullOrWhiteSpace(text) ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The cases of a seeded suite, from <c>{prefix}_SEED</c> (printed), <c>{prefix}_CASES</c> (how many)
/// and <c>{prefix}_CASE</c> (only that one): each case has its own <see cref="Random"/>, so that
/// any case replays alone from (seed, index).
/// </summary>
internal sealed record SeededSuite(string Prefix, int Seed, int Count, int? Only)
{
    public static SeededSuite Resolve(string prefix, int defaultSeed, int defaultCases)
    {
        var only = TestSeed.ResolveCount(prefix + "_CASE", -1);
        return new SeededSuite(prefix, TestSeed.Resolve(prefix + "_SEED", defaultSeed), TestSeed.ResolveCount(prefix + "_CASES", defaultCases), only < 0 ? null : only);
    }

    /// <summary>How many cases <see cref="Cases"/> yields.</summary>
    public int CaseCount => Only is null ? Count : 1;

    public IEnumerable<SeededCase> Cases() =>
        Enumerable.Range(0, Count)
            .Where(index => Only is null || index == Only)
            // Stable across processes (HashCode.Combine is randomized per process).
            .Select(index => new SeededCase(index, new Random(unchecked((Seed * 486_187_739) + (index * 16_777_619))), $"seed {Seed}, case {index} ({Prefix}_CASE={index})"));
}

/// <summary>One case of a <see cref="SeededSuite"/>: its index, its generator, and how to name it in a failure.</summary>
internal sealed record SeededCase(int Index, Random Random, string Where);
