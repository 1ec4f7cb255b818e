using System.Diagnostics.CodeAnalysis;
using ThirdPartyJobs.Testing.Faults;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// Scripted and random faults, per operation. Scripted faults are consumed in the order they were added, one per
/// call; when none is left, chaos (if enabled) may pick one. Faults apply only to calls whose signature is valid
/// and whose operation is known. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<CodePipelineOperation, List<ScriptedFault>> _scripts = [];
    private ChaosOptions? _chaos;
    private Random? _random;

    internal EmulatorFaults()
    {
    }

    /// <summary>Answers the next <paramref name="count"/> calls of an operation with 400 <c>ThrottlingException</c> ("Rate exceeded").</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="count">How many calls.</param>
    public void ThrottleNext(CodePipelineOperation operation, int count = 1) =>
        Add(operation, new FaultAction(FaultKind.Throttle), count);

    /// <summary>
    /// Answers the next <paramref name="count"/> calls of an operation with a server error: 503 gives
    /// <c>ServiceUnavailableException</c>, any other 5xx <c>InternalFailure</c>.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="count">How many calls.</param>
    /// <param name="statusCode">The status code, 500 to 599.</param>
    public void FailNext(CodePipelineOperation operation, int count = 1, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Add(operation, new FaultAction(FaultKind.ServerError, StatusCode: statusCode), count);
    }

    /// <summary>
    /// Holds the next <paramref name="count"/> calls of an operation for <paramref name="delay"/> of wall-clock
    /// time before handling them as usual. A call whose client gives up meanwhile is dropped.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="delay">How long to hold each call.</param>
    /// <param name="count">How many calls.</param>
    public void DelayNext(CodePipelineOperation operation, TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(operation, new FaultAction(FaultKind.Delay, Delay: delay), count);
    }

    /// <summary>Aborts the connection of the next <paramref name="count"/> calls of an operation without answering.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="count">How many calls.</param>
    public void ResetNext(CodePipelineOperation operation, int count = 1) =>
        Add(operation, new FaultAction(FaultKind.Reset), count);

    /// <summary>Answers the next <paramref name="count"/> calls of an operation with <paramref name="response"/>, verbatim.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="response">The response to send.</param>
    /// <param name="count">How many calls.</param>
    public void RespondNext(CodePipelineOperation operation, RawResponse response, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(response);
        Add(operation, new FaultAction(FaultKind.RawResponse, Response: response), count);
    }

    /// <summary>How many scripted faults are still waiting for calls of an operation.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The number of calls that will still get a scripted fault.</returns>
    public int PendingCount(CodePipelineOperation operation)
    {
        lock (_gate)
        {
            return _scripts.TryGetValue(operation, out var script) ? script.Sum(f => f.Remaining) : 0;
        }
    }

    /// <summary>Starts random faults as <paramref name="options"/> say, replacing any earlier chaos settings.</summary>
    /// <param name="options">What to inject and how often.</param>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Chaos must be repeatable from a seed; nothing secret is drawn.")]
    public void EnableChaos(ChaosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Probability, 1.0);
        ArgumentNullException.ThrowIfNull(options.Kinds);
        ArgumentNullException.ThrowIfNull(options.Operations);
        if (options.Kinds.Count == 0)
        {
            throw new ArgumentException("Chaos needs at least one fault kind.", nameof(options));
        }

        if (options.Kinds.Any(k => k == FaultKind.RawResponse || !Enum.IsDefined(k)))
        {
            throw new ArgumentException("Chaos can inject Throttle, ServerError, Delay and Reset only.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Delay, TimeSpan.Zero);
        lock (_gate)
        {
            _chaos = options;
            _random = new Random(options.Seed);
        }
    }

    /// <summary>Stops random faults. Scripted faults stay.</summary>
    public void DisableChaos()
    {
        lock (_gate)
        {
            _chaos = null;
            _random = null;
        }
    }

    /// <summary>Drops every scripted fault and stops chaos.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scripts.Clear();
            _chaos = null;
            _random = null;
        }
    }

    /// <summary>Takes the fault for the next call of an operation, if any.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Chaos must be repeatable from a seed; nothing secret is drawn.")]
    internal FaultAction? Next(CodePipelineOperation operation)
    {
        lock (_gate)
        {
            if (_scripts.TryGetValue(operation, out var script) && script.Count > 0)
            {
                var head = script[0];
                head.Remaining--;
                if (head.Remaining == 0)
                {
                    script.RemoveAt(0);
                }

                return head.Action;
            }

            if (_chaos is not { } chaos || _random is null)
            {
                return null;
            }

            if (chaos.Operations.Count > 0 && !chaos.Operations.Contains(operation))
            {
                return null;
            }

            if (_random.NextDouble() >= chaos.Probability)
            {
                return null;
            }

            return chaos.Kinds[_random.Next(chaos.Kinds.Count)] switch
            {
                FaultKind.ServerError => new FaultAction(FaultKind.ServerError, StatusCode: _random.Next(2) == 0 ? 500 : 503),
                FaultKind.Delay => new FaultAction(FaultKind.Delay, Delay: chaos.Delay),
                var kind => new FaultAction(kind),
            };
        }
    }

    private void Add(CodePipelineOperation operation, FaultAction action, int count)
    {
        if (!Enum.IsDefined(operation))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (!_scripts.TryGetValue(operation, out var script))
            {
                script = [];
                _scripts.Add(operation, script);
            }

            script.Add(new ScriptedFault(action, count));
        }
    }

    private sealed class ScriptedFault(FaultAction action, int remaining)
    {
        public FaultAction Action { get; } = action;

        public int Remaining { get; set; } = remaining;
    }
}
