using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer it is asked to schedule, so a
/// test can wait until the code under test is actually waiting (a backoff delay, a timeout) before
/// it advances the clock. No test ever waits on the wall clock for timing.
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    // Only a safety net so that a broken test fails instead of hanging; never part of the timing under test.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly List<TimeSpan> _scheduled = [];
    private int _consumed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every finite due time scheduled so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Scheduled
    {
        get
        {
            lock (_gate)
            {
                return [.. _scheduled];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Record(dueTime);
        return new ObservedTimer(timer, this);
    }

    /// <summary>Waits for the next timer scheduled (after the last one returned) whose due time matches.</summary>
    public async Task<TimeSpan> NextScheduledAsync(Func<TimeSpan, bool> matches)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                while (_consumed < _scheduled.Count)
                {
                    var due = _scheduled[_consumed++];
                    if (matches(due))
                    {
                        return due;
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching timer was scheduled. Scheduled so far: {string.Join(", ", Scheduled)}.");
            }
        }
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _scheduled.Add(dueTime);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed class ObservedTimer(ITimer inner, ObservableTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
