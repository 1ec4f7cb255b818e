using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Waits for what another thread makes true: synchronization only, never a timing assertion.
/// Timing behaviour is driven by <see cref="FakeTimeProvider"/>; the short real delays here only
/// let thread-pool work run, and the real-time limits only stop a hung test.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Waits until <paramref name="condition"/> holds, failing after 15 seconds of real time.</summary>
    public static Task UntilAsync(Func<bool> condition, string what) =>
        WaitAsync(condition, RealTimeout, TimeSpan.FromMilliseconds(1), $"Timed out waiting until {what}.");

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/> of real time.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 10) =>
        WaitAsync(condition, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(5), $"Timed out waiting for {what}.");

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
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(condition);
        var advanced = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await Task.Delay(1);
        while (!condition())
        {
            if (watch.Elapsed > RealTimeout * 2)
            {
                Assert.Fail(advanced >= limit
                    ? $"{what} did not happen within {limit} of fake time."
                    : $"{what} did not happen within {RealTimeout * 2} of real time ({advanced} of fake time).");
            }

            // Past the limit fake time stands still: the condition must still come true without more
            // of it, but a loaded machine gets real time to run the work that the last step released
            // (advancing at full speed outran slow thread-pool work and failed correct code).
            if (advanced < limit)
            {
                time.Advance(step);
                advanced += step;
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Advances fake time by <paramref name="total"/> in steps, letting background work run after each.</summary>
    public static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan total, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(time);
        for (var advanced = TimeSpan.Zero; advanced < total; advanced += step)
        {
            time.Advance(step);
            await Task.Delay(1);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, TimeSpan poll, string failure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail(failure);
            }

            await Task.Delay(poll);
        }
    }
}
