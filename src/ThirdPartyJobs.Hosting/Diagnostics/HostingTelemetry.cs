using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// The worker's own <see cref="ActivitySource"/> and fallback <see cref="Meter"/>, under the same
/// name as the client's, so one <c>AddSource</c>/<c>AddMeter</c> covers both packages without this
/// one reaching into the core's internals.
/// </summary>
internal static class HostingTelemetry
{
    // The documented name (docs/telemetry.md) that the client's source and meter carry too; EmulatorTelemetryTests
    // captures the client's spans under this name, which holds the two equal.
    public const string Name = "ThirdPartyJobs";

    private static readonly string? Version = typeof(HostingTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(Name, Version);

    // Used when the host has no IMeterFactory (a bare ServiceCollection); hosts built with
    // Host.CreateApplicationBuilder have one, and then each host gets its own meter.
    private static readonly Meter SharedMeter = new(Name, Version);

    public static Meter CreateMeter(IMeterFactory? factory) =>
        factory?.Create(new MeterOptions(Name) { Version = Version }) ?? SharedMeter;
}
