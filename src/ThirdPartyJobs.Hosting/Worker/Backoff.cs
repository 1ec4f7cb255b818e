namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th wait is drawn from [d/2, d] where
/// d = min(max, initial × 2ⁿ⁻¹), and never below <c>initial</c>. The jitter keeps many workers
/// from polling or retrying in lockstep; the cap keeps idle workers responsive.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Func<double> random)
{
    private int _failures;

    /// <summary>The number of waits since the last <see cref="Reset"/>.</summary>
    public int Failures => _failures;

    /// <summary>The wait before the attempt after one more failure.</summary>
    public TimeSpan Next()
    {
        _failures++;
        return Compute(initial, max, _failures, random());
    }

    /// <summary>Starts again from <c>initial</c> (after a poll that brought jobs).</summary>
    public void Reset() => _failures = 0;

    /// <summary>The wait after <paramref name="failures"/> failures, with <paramref name="sample"/> in [0, 1).</summary>
    public static TimeSpan Compute(TimeSpan initial, TimeSpan max, int failures, double sample)
    {
        // Doubling stops at the cap; the shift is bounded so it cannot overflow.
        var ceiling = initial.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        var capped = Math.Min(ceiling, max.Ticks);
        var jittered = (capped / 2) + (Math.Clamp(sample, 0, 1) * capped / 2);
        return TimeSpan.FromTicks((long)Math.Max(Math.Min(jittered, max.Ticks), Math.Min(initial.Ticks, max.Ticks)));
    }
}
