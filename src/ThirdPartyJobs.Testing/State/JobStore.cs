using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Testing.Logging;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>
/// The emulator's action types, jobs and results, and the job state machine as CodePipeline runs it. One lock
/// guards everything; timeouts are evaluated lazily on every call (and by a timer on the emulator's clock, so that
/// waiters notice them without a request). The operations of each kind of job live in their own part
/// (<c>JobStore.ThirdParty.cs</c>, <c>JobStore.Custom.cs</c>); the shared steps of the state machine in
/// <c>JobStore.Lifecycle.cs</c>.
/// </summary>
internal sealed partial class JobStore : IDisposable
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly int _maxDispatchesPerJob;
    private readonly string _accountId;
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

    /// <summary>The job timeout of action types registered without one.</summary>
    public static readonly TimeSpan DefaultJobTimeout = TimeSpan.FromMinutes(10);

    public JobStore(TimeProvider time, int maxDispatchesPerJob, string accountId, ILogger logger)
    {
        _time = time;
        _maxDispatchesPerJob = maxDispatchesPerJob;
        _accountId = accountId;
        _logger = logger;
    }

    public RegisteredActionType RegisterActionType(string category, string owner, string provider, string version, TimeSpan? jobTimeout, string? queryableProperty)
    {
        RequireShape(ModelShapes.ActionCategory, category, nameof(category));
        RequireShape(ModelShapes.ActionOwner, owner, nameof(owner));
        RequireShape(ModelShapes.ActionProvider, provider, nameof(provider));
        RequireShape(ModelShapes.Version, version, nameof(version));
        if (jobTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(jobTimeout), timeout, "A job timeout must be positive.");
        }

        if (queryableProperty is not null)
        {
            RequireShape(ModelShapes.ActionConfigurationKey, queryableProperty, nameof(queryableProperty));
            if (owner != RegisteredActionType.CustomOwner)
            {
                throw new ArgumentException("Only custom action types (owner Custom) have a queryable property: PollForJobs filters on it.", nameof(queryableProperty));
            }
        }

        var key = new ActionTypeKey(category, owner, provider, version);
        var actionType = new RegisteredActionType(
            key, Guid.NewGuid().ToString("D"), RandomNumberGenerator.GetString(TokenAlphabet, 48), jobTimeout ?? DefaultJobTimeout, queryableProperty);
        lock (_gate)
        {
            if (_actionTypes.Any(a => a.Key == key))
            {
                throw new InvalidOperationException($"Action type {key} is already registered.");
            }

            _actionTypes.Add(actionType);
            _pollable.Add(actionType, []);
        }

        _logger.ActionTypeRegistered(category, owner, provider, version, actionType.ClientId);
        return actionType;
    }

    public bool IsRegistered(RegisteredActionType actionType)
    {
        lock (_gate)
        {
            return _pollable.ContainsKey(actionType);
        }
    }

    public string CreateJob(RegisteredActionType actionType, string dataJson) => CreateJob(actionType, dataJson, continuationOf: null);

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

    private static string NewNonce() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static void RequireShape(StringShape shape, string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        var broken = shape.Check(value).ToList();
        if (broken.Count > 0)
        {
            throw new ArgumentException($"'{value}' breaks model shape {shape.Name}: {string.Join("; ", broken)}.", parameterName);
        }
    }

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

    /// <summary>The registered action type that the third-party (<paramref name="custom"/> false) or custom operations serve.</summary>
    private RegisteredActionType FindActionType(ActionTypeKey actionTypeId, bool custom) =>
        _actionTypes.Find(a => a.IsCustom == custom && a.Key == actionTypeId)
            ?? throw AwsErrors.ActionTypeNotFound(actionTypeId);

    /// <summary>
    /// A job of the kind the operation serves: a third-party job, whose operations present its
    /// <paramref name="clientToken"/>, or a custom job (<paramref name="clientToken"/> null). A job of the other kind
    /// is not found, as in CodePipeline.
    /// </summary>
    private EmulatedJob FindJob(string jobId, string? clientToken)
    {
        SweepTimeouts(_time.GetUtcNow());
        if (!_jobs.TryGetValue(jobId, out var job) || job.ActionType.IsCustom != clientToken is null)
        {
            throw AwsErrors.JobNotFound(jobId);
        }

        return clientToken is null || SecretEquals(job.ActionType.ClientToken, clientToken) ? job : throw AwsErrors.InvalidClientToken(job.Id);
    }
}
