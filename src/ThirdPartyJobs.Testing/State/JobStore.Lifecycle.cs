using System.Text;
using ThirdPartyJobs.Testing.Logging;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>The steps of the job state machine that both kinds of job share: dispatch, acknowledge, results, timeouts.</summary>
internal sealed partial class JobStore
{
    /// <summary>Hands out up to <paramref name="maxBatchSize"/> pollable jobs that <paramref name="filter"/> accepts. Under the lock.</summary>
    private List<EmulatedJob> Dispatch(RegisteredActionType actionType, int maxBatchSize, Func<EmulatedJob, bool>? filter, List<EmulatedJob> firstDispatches)
    {
        var now = _time.GetUtcNow();
        var handedOut = new List<EmulatedJob>();
        var queue = _pollable[actionType];
        queue.RemoveAll(j => !IsPollable(j));
        foreach (var job in queue)
        {
            if (handedOut.Count >= maxBatchSize)
            {
                break;
            }

            if (filter is not null && !filter(job))
            {
                continue;
            }

            job.DispatchCount++;
            if (job.State == EmulatedJobState.Queued)
            {
                job.DispatchedAt = now;
                _running.Add(job);
                firstDispatches.Add(job);
                ChangeState(job, EmulatedJobState.Dispatched);
            }

            handedOut.Add(job);
        }

        queue.RemoveAll(j => !IsPollable(j));
        return handedOut;
    }

    /// <summary>Claims a job (of the kind <see cref="FindJob"/> serves) with its latest nonce.</summary>
    public EmulatedJobState Acknowledge(string jobId, string? clientToken, string nonce)
    {
        lock (_gate)
        {
            var job = FindJob(jobId, clientToken);
            if (job.Nonce is null || !SecretEquals(job.Nonce, nonce))
            {
                throw AwsErrors.InvalidNonce(job.Id);
            }

            job.AcknowledgeCount++;
            if (job.State == EmulatedJobState.Dispatched)
            {
                ChangeState(job, EmulatedJobState.InProgress);
                _pollable[job.ActionType].Remove(job);
            }

            // A repeated acknowledge is idempotent; on a finished job it reports the final state.
            return job.State;
        }
    }

    /// <summary>Records the success or failure <paramref name="result"/> (as read from the request) of an in-progress job.</summary>
    public void PutResult(string jobId, string? clientToken, ReportedJobResult result)
    {
        lock (_gate)
        {
            var job = FindJob(jobId, clientToken);
            if (job.State != EmulatedJobState.InProgress)
            {
                throw AwsErrors.InvalidJobState(job.Id, job.State);
            }

            if (result.OutputVariables is { } variables && variables.Sum(v => Encoding.UTF8.GetByteCount(v.Key) + Encoding.UTF8.GetByteCount(v.Value)) > MaxOutputVariablesBytes)
            {
                throw AwsErrors.OutputVariablesSizeExceeded(MaxOutputVariablesBytes);
            }

            // The follow-up job exists before the job completes: completing may wake WaitForAllJobsTerminalAsync,
            // which must then still see a job that is not terminal.
            var followUp = result.ContinuationToken is { } token
                ? CreateJob(job.ActionType, JobData.WithContinuationToken(job.DataJson, token), job.Id)
                : null;
            var now = _time.GetUtcNow();
            Complete(job, result.Succeeded ? EmulatedJobState.Succeeded : EmulatedJobState.Failed, now);
            _results.Add(result with { JobId = job.Id, FollowUpJobId = followUp });
        }
    }

    private bool IsPollable(EmulatedJob job) =>
        job.State is EmulatedJobState.Queued or EmulatedJobState.Dispatched && job.DispatchCount < _maxDispatchesPerJob;

    private void SweepTimeouts(DateTimeOffset now)
    {
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            var job = _running[i];
            if (job.DispatchedAt + job.ActionType.JobTimeout <= now)
            {
                Complete(job, EmulatedJobState.TimedOut, now);
            }
        }
    }

    private void Complete(EmulatedJob job, EmulatedJobState state, DateTimeOffset now)
    {
        ChangeState(job, state);
        job.CompletedAt = now;
        _running.Remove(job);
        job.TimeoutTimer?.Dispose();
        job.TimeoutTimer = null;
        _nonTerminalCount--;
        if (_nonTerminalCount == 0)
        {
            foreach (var waiter in _allTerminalWaiters)
            {
                waiter.TrySetResult();
            }

            _allTerminalWaiters.Clear();
        }
    }

    private void ChangeState(EmulatedJob job, EmulatedJobState state)
    {
        var old = job.State;
        job.State = state;
        _logger.JobStateChanged(job.Id, old, state);
    }

    private void ArmTimeoutTimers(List<EmulatedJob> firstDispatches)
    {
        foreach (var job in firstDispatches)
        {
            // Created outside the lock: a FakeTimeProvider may run the callback at once, and the callback takes the lock.
            var timer = _time.CreateTimer(static state => ((JobStore)state!).OnTimeoutTimer(), this, job.ActionType.JobTimeout, Timeout.InfiniteTimeSpan);
            lock (_gate)
            {
                if (_disposed || job.IsTerminal)
                {
                    timer.Dispose();
                }
                else
                {
                    job.TimeoutTimer = timer;
                }
            }
        }
    }

    private void OnTimeoutTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                SweepTimeouts(_time.GetUtcNow());
            }
        }
    }
}
