using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// Synchronisation with the worker's background tasks. Timing behaviour is driven by
/// <see cref="FakeTimeProvider"/> only; the short real delays here just let thread-pool work run.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(15);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > RealTimeout)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Lets background work run without moving fake time.</summary>
    public static async Task SettleAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1);
        }
    }

    /// <summary>Advances fake time in steps until <paramref name="condition"/> holds, failing past <paramref name="limit"/>.</summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, TimeSpan limit, string what)
    {
        var advanced = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await Task.Delay(1);
        while (!condition())
        {
            if (advanced >= limit)
            {
                Assert.Fail($"{what} did not happen within {limit} of fake time.");
            }

            if (watch.Elapsed > RealTimeout * 2)
            {
                Assert.Fail($"{what} did not happen within {RealTimeout * 2} of real time ({advanced} of fake time).");
            }

            time.Advance(step);
            advanced += step;
            await Task.Delay(1);
        }
    }

    /// <summary>Advances fake time by <paramref name="total"/> in steps, letting background work run after each.</summary>
    public static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan total, TimeSpan step)
    {
        for (var advanced = TimeSpan.Zero; advanced < total; advanced += step)
        {
            time.Advance(step);
            await Task.Delay(1);
        }
    }
}
