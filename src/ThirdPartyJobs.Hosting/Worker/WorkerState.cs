using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>What the parts of one worker share: its settings, clock, diagnostics and shutdown signals.</summary>
internal sealed class WorkerState : IDisposable
{
    public WorkerState(string name, ThirdPartyJobWorkerOptions options, TimeProvider time, WorkerDiagnostics diagnostics)
    {
        Name = name;
        Options = options;
        ActionType = options.ActionTypeId ?? throw new ArgumentException($"Job worker '{name}' needs an ActionTypeId.", nameof(options));
        Time = time;
        Diagnostics = diagnostics;
        HandlerBudget = options.JobTimeout - options.TimeoutSafetyMargin;

        // How long a handler whose token was cancelled may take to answer (e.g. with ContinueLater)
        // before the worker reports without it: short, and well inside the safety margin.
        ReactionTime = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.TimeoutSafetyMargin.Ticks / 4));
    }

    public string Name { get; }

    public ThirdPartyJobWorkerOptions Options { get; }

    public ActionTypeId ActionType { get; }

    public TimeProvider Time { get; }

    public WorkerDiagnostics Diagnostics { get; }

    /// <summary>From the poll to the handler's deadline: the job timeout minus the safety margin.</summary>
    public TimeSpan HandlerBudget { get; }

    public TimeSpan ReactionTime { get; }

    /// <summary>Cancelled when the shutdown grace period is over (or the host stops waiting): handlers are cancelled.</summary>
    public CancellationTokenSource JobsCancellation { get; } = new();

    /// <summary>Cancelled when the host stops waiting: hung handlers are reported at once.</summary>
    public CancellationTokenSource HostGaveUp { get; } = new();

    /// <summary>Cancelled when the worker is disposed: acknowledgements and report retries stop.</summary>
    public CancellationTokenSource Disposal { get; } = new();

    public static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already gone: nothing left to cancel.
        }
    }

    /// <summary>The host stopped waiting: cancel handlers now and report hung ones without waiting.</summary>
    public void GiveUp()
    {
        CancelQuietly(HostGaveUp);
        CancelQuietly(JobsCancellation);
    }

    public void Dispose()
    {
        CancelQuietly(JobsCancellation);
        CancelQuietly(HostGaveUp);
        CancelQuietly(Disposal);
    }
}
