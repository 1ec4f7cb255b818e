using System.Diagnostics;
using System.Diagnostics.Metrics;
using ThirdPartyJobs.Diagnostics;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// The worker's own <see cref="ActivitySource"/> and fallback <see cref="Meter"/>, under the same
/// name as the client's (<see cref="ThirdPartyJobsTelemetry.Name"/>), so one <c>AddSource</c>/<c>AddMeter</c> covers
/// both packages without this one reaching into the core's internals.
/// </summary>
internal static class HostingTelemetry
{
    private static readonly string? Version = typeof(HostingTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(ThirdPartyJobsTelemetry.Name, Version);

    // Used when the host has no IMeterFactory (a bare ServiceCollection); hosts built with
    // Host.CreateApplicationBuilder have one, and then each host gets its own meter.
    private static readonly Meter SharedMeter = new(ThirdPartyJobsTelemetry.Name, Version);

    public static Meter CreateMeter(IMeterFactory? factory) =>
        factory?.Create(new MeterOptions(ThirdPartyJobsTelemetry.Name) { Version = Version }) ?? SharedMeter;
}
