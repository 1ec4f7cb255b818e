using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// The fixture of the telemetry tests: for every test a fresh <see cref="TelemetryCapture"/>, a fresh
/// CodePipeline emulator and a worker name of its own. The capture is process-wide: derived fixtures
/// must be <c>[NonParallelizable]</c>.
/// </summary>
public abstract class TelemetryTest
{
    private readonly string _workerNamePrefix;

    protected TelemetryTest(string workerNamePrefix) => _workerNamePrefix = workerNamePrefix;

    internal TelemetryCapture Telemetry { get; private set; } = null!;

    protected CodePipelineEmulator Emulator { get; private set; } = null!;

    /// <summary>Unique per test: the instruments outlive each test's worker.</summary>
    protected string WorkerName { get; private set; } = null!;

    [SetUp]
    public async Task StartAsync()
    {
        Telemetry = new TelemetryCapture();
        Emulator = await CodePipelineEmulator.StartAsync();
        WorkerName = _workerNamePrefix + Guid.NewGuid().ToString("N")[..8];
    }

    [TearDown]
    public async Task StopAsync()
    {
        await Emulator.DisposeAsync();
        Telemetry.Dispose();
    }
}
