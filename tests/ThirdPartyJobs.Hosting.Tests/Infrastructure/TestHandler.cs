using System.Collections.Concurrent;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>A handler whose behaviour each test sets; it records what it saw and how many ran at once.</summary>
internal sealed class TestHandler : IThirdPartyJobHandler
{
    private readonly ConcurrentQueue<JobContext> _contexts = new();
    private int _running;
    private int _maxRunning;
    private int _started;
    private int _finished;

    public Func<JobContext, CancellationToken, Task<JobOutcome>> OnHandle { get; set; } = (_, _) => Task.FromResult(JobOutcome.Succeeded());

    public IReadOnlyList<JobContext> Contexts => _contexts.ToArray();

    public int Started => Volatile.Read(ref _started);

    public int Finished => Volatile.Read(ref _finished);

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        _contexts.Enqueue(context);
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        try
        {
            // Started rises only after the behaviour's synchronous part ran, so a test that waits
            // for it sees what the behaviour recorded and the timers it armed before its first await.
            Task<JobOutcome> work;
            try
            {
                work = OnHandle(context, cancellationToken);
            }
            finally
            {
                Interlocked.Increment(ref _started);
            }

            return await work;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>A behaviour that waits until <paramref name="release"/> completes or the token is cancelled.</summary>
    public static Func<JobContext, CancellationToken, Task<JobOutcome>> WaitFor(Task release) => async (_, token) =>
    {
        await release.WaitAsync(token);
        return JobOutcome.Succeeded();
    };

    /// <summary>A behaviour that runs until cancelled.</summary>
    public static Func<JobContext, CancellationToken, Task<JobOutcome>> RunUntilCancelled() => async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        return JobOutcome.Succeeded();
    };
}
