namespace ThirdPartyJobs.Testing.Inspection;

/// <summary>The recorded requests, per-operation call counts, and waiters for requests matching a condition.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<CodePipelineOperation, int> _counts = [];
    private readonly List<(Func<RecordedRequest, bool> Predicate, TaskCompletionSource<RecordedRequest> Waiter)> _waiters = [];
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RecordedRequest request)
    {
        List<(RecordedRequest, TaskCompletionSource<RecordedRequest>)> matched = [];
        List<(TaskCompletionSource<RecordedRequest>, Exception)> failed = [];
        lock (_gate)
        {
            _requests.Add(request);
            if (request.Operation is { } operation)
            {
                _counts[operation] = _counts.GetValueOrDefault(operation) + 1;
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (predicate, waiter) = _waiters[i];
                try
                {
                    if (!predicate(request))
                    {
                        continue;
                    }

                    matched.Add((request, waiter));
                }
#pragma warning disable CA1031 // A failing test predicate must fail its waiter, not the request.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failed.Add((waiter, ex));
                }

                _waiters.RemoveAt(i);
            }
        }

        foreach (var (recorded, waiter) in matched)
        {
            waiter.TrySetResult(recorded);
        }

        foreach (var (waiter, exception) in failed)
        {
            waiter.TrySetException(exception);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.OrderBy(r => r.Sequence).ToArray();
        }
    }

    public int CallCount(CodePipelineOperation operation)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(operation);
        }
    }

    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> predicate, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var request in _requests.OrderBy(r => r.Sequence))
            {
                if (predicate(request))
                {
                    return Task.FromResult(request);
                }
            }

            _waiters.Add((predicate, waiter));
        }

        return WaitAsync(waiter, cancellationToken);
    }

    private async Task<RecordedRequest> WaitAsync(TaskCompletionSource<RecordedRequest> waiter, CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => ReferenceEquals(w.Waiter, waiter));
            }
        }
    }
}
