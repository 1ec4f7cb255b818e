using System.Diagnostics.CodeAnalysis;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// Polls for as many jobs as there are free slots (never while all are busy) and hands each to
/// <c>startJob</c> with its slot. Empty, throttled or failed polls back off (doubling with jitter
/// from <c>MinPollInterval</c> to <c>MaxPollInterval</c>); a poll that brings jobs resets it.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim never allocates a wait handle (no AvailableWaitHandle), so there is nothing to dispose.")]
internal sealed class JobPoller(WorkerState state, IJobSource source, Action<PolledJob, long, SlotLease> startJob)
{
    /// <summary>CodePipeline hands out at most this many jobs per poll.</summary>
    internal const int MaxJobsPerPoll = 100;

    private readonly SemaphoreSlim _slots = new(state.Options.MaxConcurrency, state.Options.MaxConcurrency);
    private int _failures;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug must not end polling for good: log it and carry on after the longest wait.
                state.Diagnostics.LoopFailed(error, state.Options.MaxPollInterval);
                await Task.Delay(state.Options.MaxPollInterval, state.Time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        // Wait for one free slot (no spinning while full), then take every other free one.
        await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
        var requested = 1;
        while (requested < Math.Min(state.Options.MaxConcurrency, MaxJobsPerPoll) && _slots.Wait(0, CancellationToken.None))
        {
            requested++;
        }

        IReadOnlyList<PolledJob> jobs;
        try
        {
            jobs = await source.PollAsync(requested, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _slots.Release(requested);
            throw;
        }
        catch (Exception error)
        {
            _slots.Release(requested);
            var delay = NextDelay();
            state.Diagnostics.PollFailed(error, delay);
            await Task.Delay(delay, state.Time, stoppingToken).ConfigureAwait(false);
            return;
        }

        var receivedAt = state.Time.GetTimestamp();
        state.Diagnostics.Polled(requested, jobs.Count);
        if (jobs.Count == 0)
        {
            _slots.Release(requested);
            var delay = NextDelay();
            state.Diagnostics.PollEmpty(delay);
            await Task.Delay(delay, state.Time, stoppingToken).ConfigureAwait(false);
            return;
        }

        _failures = 0;
        if (jobs.Count < requested)
        {
            _slots.Release(requested - jobs.Count);
        }

        for (var index = 0; index < jobs.Count; index++)
        {
            if (index >= requested)
            {
                // CodePipeline sent more than asked: each extra job waits for a slot, so the
                // concurrency limit holds. When stopping, they are left unclaimed.
                try
                {
                    await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    state.Diagnostics.ExtraJobsNotClaimed(jobs.Count - index, requested);
                    throw;
                }
            }

            startJob(jobs[index], receivedAt, new SlotLease(_slots));
        }
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter for backoff, not security.")]
    private TimeSpan NextDelay() => RetryDelay.Compute(state.Options.MinPollInterval, state.Options.MaxPollInterval, ++_failures, Random.Shared.NextDouble());
}
