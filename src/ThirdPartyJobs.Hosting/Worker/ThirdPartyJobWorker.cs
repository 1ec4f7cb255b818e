using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// The hosted job worker for one action type: starts (recovers the journal's jobs, then polls),
/// stops and drains. The work itself is in its parts: <see cref="JobPoller"/> (slots, backoff)
/// hands jobs to <see cref="JobRunner"/> (claim, handler, deadline), which hands outcomes to
/// <see cref="JobReporter"/>. The parts are built when the host starts, so that a bad setting
/// fails the start (with the options' own error) and a later stop still stops cleanly.
/// </summary>
internal sealed class ThirdPartyJobWorker : BackgroundService
{
    private readonly Func<WorkerParts> _build;
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private WorkerParts? _parts;
    private long _nextJobKey;

    public ThirdPartyJobWorker(string name, Func<WorkerParts> build)
    {
        Name = name;
        _build = build;
    }

    internal string Name { get; }

    /// <inheritdoc/>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _parts ??= _build();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_parts is not { } parts)
        {
            // Never started (e.g. its options were invalid): nothing runs.
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // If the host stops waiting before the grace period is over, cancel handlers at once and
        // report hung ones without waiting for them.
        var registration = cancellationToken.Register(static state => ((WorkerState)state!).GiveUp(), parts.State);
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                parts.State.GiveUp();
            }

            await registration.DisposeAsync().ConfigureAwait(false);
        }

        // base.StopAsync returns when the host's token fires; the jobs must still be reported
        // (bounded by the report attempts), so wait for the drain to end.
        if (ExecuteTask is { IsCompleted: false } execute)
        {
            await execute.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _parts?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave StartAsync at once: the host starts the next service while this one works.
        await Task.Yield();
        var parts = _parts!;
        var state = parts.State;
        state.Diagnostics.Starting(state.ActionType, state.Options.MaxConcurrency);
        try
        {
            if (parts.Recovery is { } recovery)
            {
                await recovery.RecoverAsync(stoppingToken).ConfigureAwait(false);
            }

            await new JobPoller(state, parts.Source, StartJob).RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: polling ends here; running jobs are drained below.
        }

        await DrainAsync(state).ConfigureAwait(false);
    }

    private void StartJob(PolledJob polled, long receivedAt, SlotLease slot)
    {
        var key = Interlocked.Increment(ref _nextJobKey);
        var job = _parts!.State.Diagnostics.JobReceived();

        // Registered before it starts, so that its own clean-up always finds it.
        var start = new Task<Task>(() => _parts.Runner.RunAsync(polled, receivedAt, job, slot));
        var run = start.Unwrap();
        _running[key] = run;
        _ = run.ContinueWith(_ => _running.TryRemove(key, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        start.Start(TaskScheduler.Default);
    }

    private async Task DrainAsync(WorkerState state)
    {
        var running = _running.Values.ToArray();
        state.Diagnostics.Stopping(running.Length, state.Options.ShutdownGracePeriod);
        if (running.Length > 0)
        {
            var all = Task.WhenAll(running);
            using var graceOver = CancellationTokenSource.CreateLinkedTokenSource(state.JobsCancellation.Token);
            var grace = Task.Delay(state.Options.ShutdownGracePeriod, state.Time, graceOver.Token);
            if (await Task.WhenAny(all, grace).ConfigureAwait(false) != all)
            {
                state.Diagnostics.GracePeriodOver(_running.Count);
                WorkerState.CancelQuietly(state.JobsCancellation);
            }

            await graceOver.CancelAsync().ConfigureAwait(false);

            // Each job reports (its handler answered, or the worker reports without it) and never throws.
            await all.ConfigureAwait(false);
        }

        state.Diagnostics.Stopped();
    }
}
