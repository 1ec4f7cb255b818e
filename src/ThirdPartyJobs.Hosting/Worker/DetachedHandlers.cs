using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// Handlers still running after their job was reported (they ignored their cancellation). Each is
/// observed to its end: its late result or exception is logged, never reported. Up to
/// <c>MaxConcurrency</c> of them free their slot at once; beyond that a job keeps its slot until its
/// handler ends, so a handler that hangs every time stops the worker from taking more work
/// instead of growing memory without limit.
/// </summary>
internal sealed class DetachedHandlers(WorkerDiagnostics diagnostics, int limit)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Detach(string jobId, Task<JobOutcome> handler, bool reportedFailure, SlotLease slot)
    {
        var count = Interlocked.Increment(ref _count);
        diagnostics.HandlerDetached(jobId, count, limit);
        SlotLease? held = null;
        if (count > limit)
        {
            diagnostics.DetachedLimitReached(count, limit, jobId);
            held = slot.Transfer();
        }

        _ = ObserveAsync(jobId, handler, reportedFailure, held);
    }

    private async Task ObserveAsync(string jobId, Task<JobOutcome> handler, bool reportedFailure, SlotLease? held)
    {
        JobOutcome? late = null;
        string result;
        try
        {
            late = await handler.ConfigureAwait(false);
            result = late?.Kind.ToString() ?? "no outcome";
        }
        catch (Exception error)
        {
            // The handler's exception: its type only (its message is not ours to log).
            result = error.GetType().Name;
        }

        Interlocked.Decrement(ref _count);
        diagnostics.DetachedHandlerEnded(jobId, result, late, reportedFailure);
        held?.Release();
    }
}
