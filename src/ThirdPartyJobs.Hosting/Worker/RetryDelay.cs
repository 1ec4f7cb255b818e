namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// The waits between polls that found nothing and between report attempts: doubling from the
/// first wait up to a cap, with "equal jitter" (the upper half is random) so that many workers
/// restarted together spread out, yet never shorter than the first wait.
/// </summary>
internal static class RetryDelay
{
    /// <param name="first">The first wait.</param>
    /// <param name="cap">The longest wait (wins over <paramref name="first"/> if shorter).</param>
    /// <param name="failures">How many attempts failed in a row (1 for the first wait).</param>
    /// <param name="sample">A random number in [0, 1).</param>
    public static TimeSpan Compute(TimeSpan first, TimeSpan cap, int failures, double sample)
    {
        // Doubling stops at the cap; the shift is bounded so it cannot overflow.
        var ceiling = first.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        var capped = Math.Min(ceiling, cap.Ticks);
        var jittered = (capped / 2) + (Math.Clamp(sample, 0, 1) * capped / 2);
        return TimeSpan.FromTicks((long)Math.Max(Math.Min(jittered, cap.Ticks), Math.Min(first.Ticks, cap.Ticks)));
    }
}
