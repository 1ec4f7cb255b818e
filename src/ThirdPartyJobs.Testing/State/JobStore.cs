using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Testing.Logging;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>
/// The emulator's action types, jobs and results, and the job state machine as CodePipeline runs it. One lock
/// guards everything; timeouts are evaluated lazily on every call (and by a timer on the emulator's clock, so that
/// waiters notice them without a request).
/// </summary>
internal sealed class JobStore : IDisposable
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly int _maxDispatchesPerJob;
    private readonly TimeSpan _defaultJobTimeout;
    private readonly ILogger _logger;
    private readonly List<RegisteredActionType> _actionTypes = [];
    private readonly Dictionary<string, EmulatedJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<EmulatedJob> _jobsInOrder = [];
    private readonly Dictionary<RegisteredActionType, List<EmulatedJob>> _pollable = [];
    private readonly List<EmulatedJob> _running = [];
    private readonly List<ReportedJobResult> _results = [];
    private readonly List<TaskCompletionSource> _allTerminalWaiters = [];
    private int _nonTerminalCount;
    private bool _disposed;

    public JobStore(TimeProvider time, int maxDispatchesPerJob, TimeSpan defaultJobTimeout, ILogger logger)
    {
        _time = time;
        _maxDispatchesPerJob = maxDispatchesPerJob;
        _defaultJobTimeout = defaultJobTimeout;
        _logger = logger;
    }

    public RegisteredActionType RegisterActionType(string category, string owner, string provider, string version, TimeSpan? jobTimeout)
    {
        RequireShape(ModelShapes.ActionCategory, category, nameof(category));
        RequireShape(ModelShapes.ActionOwner, owner, nameof(owner));
        RequireShape(ModelShapes.ActionProvider, provider, nameof(provider));
        RequireShape(ModelShapes.Version, version, nameof(version));
        if (jobTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(jobTimeout), timeout, "A job timeout must be positive.");
        }

        var actionType = new RegisteredActionType(
            category, owner, provider, version, Guid.NewGuid().ToString("D"), RandomNumberGenerator.GetString(TokenAlphabet, 48), jobTimeout ?? _defaultJobTimeout);
        lock (_gate)
        {
            if (_actionTypes.Any(a => a.Matches(category, owner, provider, version)))
            {
                throw new InvalidOperationException($"Action type {category}/{owner}/{provider}/{version} is already registered.");
            }

            _actionTypes.Add(actionType);
            _pollable.Add(actionType, []);
        }

        _logger.ActionTypeRegistered(category, owner, provider, version, actionType.ClientId);
        return actionType;
    }

    public string CreateJob(RegisteredActionType actionType, string dataJson) => CreateJob(actionType, dataJson, continuationOf: null);

    public IReadOnlyList<(string ClientId, string JobId)> Poll(string category, string owner, string provider, string version, int maxBatchSize)
    {
        var handedOut = new List<(string, string)>();
        var firstDispatches = new List<EmulatedJob>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            SweepTimeouts(now);
            var actionType = _actionTypes.Find(a => a.Matches(category, owner, provider, version))
                ?? throw AwsErrors.ActionTypeNotFound(category, owner, provider, version);
            var queue = _pollable[actionType];
            queue.RemoveAll(j => !IsPollable(j));
            foreach (var job in queue)
            {
                if (handedOut.Count >= maxBatchSize)
                {
                    break;
                }

                job.DispatchCount++;
                if (job.State == EmulatedJobState.Queued)
                {
                    job.DispatchedAt = now;
                    _running.Add(job);
                    firstDispatches.Add(job);
                    ChangeState(job, EmulatedJobState.Dispatched);
                }

                handedOut.Add((actionType.ClientId, job.Id));
            }

            queue.RemoveAll(j => !IsPollable(j));
        }

        foreach (var job in firstDispatches)
        {
            ArmTimeoutTimer(job);
        }

        return handedOut;
    }

    public (string DataJson, string Nonce) GetDetails(string jobId, string clientToken)
    {
        lock (_gate)
        {
            var job = FindJob(jobId, clientToken);
            switch (job.State)
            {
                case EmulatedJobState.Dispatched:
                    // Until the job is acknowledged every call issues a fresh nonce; only the latest one is valid.
                    job.Nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
                    job.NonceIssuedCount++;
                    return (job.DataJson, job.Nonce);
                case EmulatedJobState.InProgress:
                    // The job is owned: a later caller (another worker that was handed the same job, or the
                    // owner refreshing its credentials) gets a nonce that cannot acknowledge it, so only the
                    // owner's acknowledge stays valid (and idempotent).
                    job.NonceIssuedCount++;
                    return (job.DataJson, RandomNumberGenerator.GetHexString(32, lowercase: true));
                default:
                    throw AwsErrors.InvalidJob(job.Id, job.State);
            }
        }
    }

    public EmulatedJobState Acknowledge(string jobId, string nonce, string clientToken)
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

    public void PutSuccess(string jobId, string clientToken, ReportedCurrentRevision? currentRevision, string? continuationToken, ReportedExecutionDetails? executionDetails)
    {
        lock (_gate)
        {
            var job = FindInProgressJob(jobId, clientToken);
            var now = _time.GetUtcNow();

            // The follow-up job exists before the job completes: completing may wake WaitForAllJobsTerminalAsync,
            // which must then still see a job that is not terminal.
            string? followUp = null;
            if (continuationToken is not null)
            {
                followUp = CreateJob(job.ActionType, JobData.WithContinuationToken(job.DataJson, continuationToken), job.Id);
            }

            Complete(job, EmulatedJobState.Succeeded, now);

            _results.Add(new ReportedJobResult
            {
                JobId = job.Id,
                Succeeded = true,
                ReportedAt = now,
                ContinuationToken = continuationToken,
                CurrentRevision = currentRevision,
                ExecutionDetails = executionDetails,
                FollowUpJobId = followUp,
            });
        }
    }

    public void PutFailure(string jobId, string clientToken, ReportedFailureDetails failureDetails)
    {
        lock (_gate)
        {
            var job = FindInProgressJob(jobId, clientToken);
            var now = _time.GetUtcNow();
            Complete(job, EmulatedJobState.Failed, now);
            _results.Add(new ReportedJobResult { JobId = job.Id, Succeeded = false, ReportedAt = now, FailureDetails = failureDetails });
        }
    }

    public IReadOnlyList<JobSnapshot> Snapshot()
    {
        lock (_gate)
        {
            SweepTimeouts(_time.GetUtcNow());
            return _jobsInOrder.Select(j => j.ToSnapshot()).ToArray();
        }
    }

    public JobSnapshot? Snapshot(string jobId)
    {
        lock (_gate)
        {
            SweepTimeouts(_time.GetUtcNow());
            return _jobs.TryGetValue(jobId, out var job) ? job.ToSnapshot() : null;
        }
    }

    public IReadOnlyList<ReportedJobResult> Results()
    {
        lock (_gate)
        {
            return _results.ToArray();
        }
    }

    public Task WaitForAllTerminalAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(CodePipelineEmulator));
            SweepTimeouts(_time.GetUtcNow());
            if (_nonTerminalCount == 0)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _allTerminalWaiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var job in _running)
            {
                job.TimeoutTimer?.Dispose();
                job.TimeoutTimer = null;
            }

            foreach (var waiter in _allTerminalWaiters)
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(CodePipelineEmulator)));
            }

            _allTerminalWaiters.Clear();
        }
    }

    private static bool SecretEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static void RequireShape(StringShape shape, string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        var broken = shape.Check(value).ToList();
        if (broken.Count > 0)
        {
            throw new ArgumentException($"'{value}' breaks model shape {shape.Name}: {string.Join("; ", broken)}.", parameterName);
        }
    }

    private bool IsPollable(EmulatedJob job) =>
        job.State is EmulatedJobState.Queued or EmulatedJobState.Dispatched && job.DispatchCount < _maxDispatchesPerJob;

    private string CreateJob(RegisteredActionType actionType, string dataJson, string? continuationOf)
    {
        var id = Guid.NewGuid().ToString("D");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(CodePipelineEmulator));
            if (!_pollable.TryGetValue(actionType, out var queue))
            {
                throw new ArgumentException($"Action type {actionType} is not registered with this emulator.", nameof(actionType));
            }

            var job = new EmulatedJob(id, actionType, dataJson, _time.GetUtcNow(), continuationOf);
            _jobs.Add(id, job);
            _jobsInOrder.Add(job);
            queue.Add(job);
            _nonTerminalCount++;
        }

        _logger.JobCreated(id, actionType.ClientId);
        return id;
    }

    private EmulatedJob FindJob(string jobId, string clientToken)
    {
        SweepTimeouts(_time.GetUtcNow());
        if (!_jobs.TryGetValue(jobId, out var job))
        {
            throw AwsErrors.JobNotFound(jobId);
        }

        if (!SecretEquals(job.ActionType.ClientToken, clientToken))
        {
            throw AwsErrors.InvalidClientToken(job.Id);
        }

        return job;
    }

    private EmulatedJob FindInProgressJob(string jobId, string clientToken)
    {
        var job = FindJob(jobId, clientToken);
        return job.State == EmulatedJobState.InProgress ? job : throw AwsErrors.InvalidJobState(job.Id, job.State);
    }

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

    private void ArmTimeoutTimer(EmulatedJob job)
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
