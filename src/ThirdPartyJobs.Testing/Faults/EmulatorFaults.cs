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
    private ChaosSettings? _chaos;
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

    /// <summary>
    /// Answers the next <paramref name="count"/> calls of an operation with a raw response, verbatim (to test how a
    /// client copes with odd or malformed answers).
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="statusCode">The HTTP status code (100-599).</param>
    /// <param name="body">The body, sent as UTF-8; may be empty.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <see langword="null"/> sends none.</param>
    /// <param name="headers">More response headers, sent as given.</param>
    /// <param name="includeRequestId">Whether to send the usual <c>x-amzn-RequestId</c> header.</param>
    /// <param name="count">How many calls.</param>
    public void RespondNext(
        CodePipelineOperation operation,
        int statusCode,
        string body,
        string? contentType = "application/x-amz-json-1.1",
        IReadOnlyDictionary<string, string>? headers = null,
        bool includeRequestId = true,
        int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(body);
        var response = new RawResponse(statusCode, body, contentType, headers ?? new Dictionary<string, string>(), includeRequestId);
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

    /// <summary>
    /// Starts random faults, replacing any earlier chaos settings (<c>probability: 0</c> stops them; scripted faults stay): each call of a chosen operation gets a fault with
    /// <paramref name="probability"/>, its kind drawn uniformly from <paramref name="kinds"/>, all from a
    /// <see cref="Random"/> seeded with <paramref name="seed"/> so that a run can be repeated.
    /// </summary>
    /// <param name="seed">The seed of the random generator.</param>
    /// <param name="probability">The chance (0 to 1) that a call gets a fault.</param>
    /// <param name="kinds">
    /// The kinds to draw from (list a kind more than once to make it likelier; <see cref="FaultKind.RawResponse"/> is
    /// not allowed); <see langword="null"/> for throttling, server errors and resets.
    /// </param>
    /// <param name="delay">How long a <see cref="FaultKind.Delay"/> holds a call (wall-clock); <see langword="null"/> for 100 ms.</param>
    /// <param name="operations">The operations that may get faults; <see langword="null"/> or empty for all.</param>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Chaos must be repeatable from a seed; nothing secret is drawn.")]
    public void EnableChaos(int seed = 0, double probability = 0.2, IReadOnlyList<FaultKind>? kinds = null, TimeSpan? delay = null, IReadOnlyList<CodePipelineOperation>? operations = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        kinds ??= [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Reset];
        if (kinds.Count == 0)
        {
            throw new ArgumentException("Chaos needs at least one fault kind.", nameof(kinds));
        }

        if (kinds.Any(k => k == FaultKind.RawResponse || !Enum.IsDefined(k)))
        {
            throw new ArgumentException("Chaos can inject Throttle, ServerError, Delay and Reset only.", nameof(kinds));
        }

        var holdFor = delay ?? TimeSpan.FromMilliseconds(100);
        ArgumentOutOfRangeException.ThrowIfLessThan(holdFor, TimeSpan.Zero, nameof(delay));
        lock (_gate)
        {
            _chaos = new ChaosSettings(probability, kinds.ToArray(), holdFor, operations?.ToArray() ?? []);
            _random = new Random(seed);
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
