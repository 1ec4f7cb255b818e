namespace ThirdPartyJobs.Testing.Faults;

/// <summary>The random faults in force (see <see cref="EmulatorFaults.EnableChaos"/>), checked when enabled.</summary>
internal sealed record ChaosSettings(double Probability, IReadOnlyList<FaultKind> Kinds, TimeSpan Delay, IReadOnlyList<CodePipelineOperation> Operations);
