using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>
/// Starts a fresh emulator on a <see cref="FakeTimeProvider"/> for every test, with one registered action type and a
/// signing client.
/// </summary>
public abstract class EmulatorTest
{
    protected static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private EmulatorClient? _client;
    private CodePipelineEmulator? _emulator;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected CodePipelineEmulator Emulator => _emulator!;

    internal EmulatorClient Client => _client!;

    protected RegisteredActionType ActionType { get; private set; } = null!;

    [SetUp]
    public async Task StartEmulator()
    {
        Time = new FakeTimeProvider(Start);
        var options = new CodePipelineEmulatorOptions { TimeProvider = Time };
        Configure(options);
        _emulator = await CodePipelineEmulator.StartAsync(options);
        _client = new EmulatorClient(_emulator);
        ActionType = _emulator.RegisterActionType("Build", "ThirdParty", "TestProvider", "1");
    }

    [TearDown]
    public async Task StopEmulator()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Creates a job of <see cref="ActionType"/> and polls it, so that it is Dispatched; returns its id.</summary>
    protected async Task<string> DispatchJobAsync()
    {
        var jobId = Emulator.CreateJob(ActionType);
        await Client.PollOneAsync(ActionType);
        return jobId;
    }

    /// <summary>Changes the options before the emulator starts.</summary>
    protected virtual void Configure(CodePipelineEmulatorOptions options)
    {
    }

    protected static CancellationToken Within(int seconds = 10) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
