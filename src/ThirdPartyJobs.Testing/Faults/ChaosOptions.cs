namespace ThirdPartyJobs.Testing;

/// <summary>
/// Random fault injection (see <see cref="EmulatorFaults.EnableChaos"/>): each call of a chosen operation gets a
/// fault with <see cref="Probability"/>, its kind drawn uniformly from <see cref="Kinds"/>, all from a
/// <see cref="Random"/> seeded with <see cref="Seed"/> so that a run can be repeated.
/// </summary>
public sealed class ChaosOptions
{
    /// <summary>The seed of the random generator.</summary>
    public int Seed { get; init; }

    /// <summary>The chance (0 to 1) that a call gets a fault. Defaults to 0.2.</summary>
    public double Probability { get; init; } = 0.2;

    /// <summary>
    /// The kinds to draw from; list a kind more than once to make it likelier. <see cref="FaultKind.RawResponse"/>
    /// is not allowed. Defaults to throttling, server errors and resets.
    /// </summary>
    public IReadOnlyList<FaultKind> Kinds { get; init; } = [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Reset];

    /// <summary>How long a <see cref="FaultKind.Delay"/> holds a call (wall-clock). Defaults to 100 ms.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The operations that may get faults; empty (the default) means all.</summary>
    public IReadOnlyList<CodePipelineOperation> Operations { get; init; } = [];
}
