using Amazon.Extensions.NETCore.Setup;
using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Emulator;

/// <summary>
/// One worker process against a <see cref="CodePipelineEmulator"/>: the real
/// <see cref="ThirdPartyJobClient"/> (AWS SDK pipeline, SigV4, loopback HTTP) with short retries on
/// the system clock, and the worker's own waiting on fake time driven by the test.
/// </summary>
internal sealed class EmulatorWorker : IAsyncDisposable
{
    public const string WorkerName = "emulated";

    private readonly ServiceProvider _provider;
    private bool _stopped;

    /// <summary>The name of the second worker a host runs when started with an action type to serve alongside.</summary>
    public const string AlongsideName = "alongside";

    private EmulatorWorker(CodePipelineEmulator emulator, RegisteredActionType actionType, Action<ThirdPartyJobWorkerOptions>? configure, string name, string journalDirectory, Action<IServiceCollection>? configureServices, RegisteredActionType? alongside = null)
    {
        Name = name;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Handler);
        services.AddSingleton<IThirdPartyJobClient>(provider => CreateClient(emulator, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ICustomJobClient>(provider => CreateCustomClient(emulator, provider.GetRequiredService<ILoggerFactory>()));
        AddWorker(services, emulator, actionType, configure, name, journalDirectory);
        if (alongside is not null)
        {
            // A second worker in the same host, for the other kind of action type: its own name, options and journal.
            AddWorker(services, emulator, alongside, configure, AlongsideName, journalDirectory + "-" + AlongsideName);
        }

        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Workers = _provider.GetServices<IHostedService>().ToArray();
        Worker = Workers[0];
        Statistics = new WorkerMetricsView(_provider.GetRequiredService<IMeterFactory>(), name);
        AlongsideStatistics = alongside is null ? null : new WorkerMetricsView(_provider.GetRequiredService<IMeterFactory>(), AlongsideName);
    }

    public IReadOnlyList<IHostedService> Workers { get; }

    public WorkerMetricsView? AlongsideStatistics { get; }

    private static void AddWorker(IServiceCollection services, CodePipelineEmulator emulator, RegisteredActionType actionType, Action<ThirdPartyJobWorkerOptions>? configure, string name, string journalDirectory)
    {
        _ = emulator;
        services.AddThirdPartyJobWorker<TestHandler>(name, options =>
        {
            options.ActionTypeId = ToActionTypeId(actionType);
            if (actionType.Owner != "Custom")
            {
                // Custom actions have no client token: the worker's IAM identity is the authority.
                options.ClientTokens[actionType.ClientId] = actionType.ClientToken;
            }

            options.MaxConcurrency = 8;
            options.MinPollInterval = TimeSpan.FromMilliseconds(100);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(400);
            options.JobTimeout = TimeSpan.FromMinutes(5);
            options.ShutdownGracePeriod = TimeSpan.FromSeconds(10);
            options.ReportRetryDelay = TimeSpan.FromMilliseconds(100);
            options.JournalDirectory = journalDirectory;
            configure?.Invoke(options);
        });
    }

    public string Name { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public CapturingLoggerProvider Logs { get; } = new();

    public TestHandler Handler { get; } = new();

    public IHostedService Worker { get; }

    public WorkerMetricsView Statistics { get; }

    /// <summary>The real client against <paramref name="emulator"/>, with short retries on the system clock.</summary>
    public static IThirdPartyJobClient CreateClient(CodePipelineEmulator emulator, ILoggerFactory? loggerFactory = null) =>
        ThirdPartyJobClient.Create(Aws(emulator), ShortRetries(), loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>The real custom-action client against <paramref name="emulator"/>, with the same settings.</summary>
    public static ICustomJobClient CreateCustomClient(CodePipelineEmulator emulator, ILoggerFactory? loggerFactory = null) =>
        CustomJobClient.Create(Aws(emulator), ShortRetries(), loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    private static AWSOptions Aws(CodePipelineEmulator emulator) => new()
    {
        Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
        DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
    };

    private static ThirdPartyJobsOptions ShortRetries() => new()
    {
        Retry = { MaxAttempts = 6, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5), OverallTimeout = TimeSpan.FromSeconds(20) },
    };

    public static ActionTypeId ToActionTypeId(RegisteredActionType actionType) =>
        new(ActionCategory.FromValue(actionType.Category), ActionOwner.FromValue(actionType.Owner), actionType.Provider, actionType.Version);

    /// <param name="journalDirectory">The journal's directory: a fresh one when null (a test of recovery passes one directory to two workers in turn).</param>
    public static async Task<EmulatorWorker> StartAsync(CodePipelineEmulator emulator, RegisteredActionType actionType, Action<ThirdPartyJobWorkerOptions>? configure = null, Action<TestHandler>? handler = null, string name = WorkerName, string? journalDirectory = null, Action<IServiceCollection>? configureServices = null, RegisteredActionType? alongside = null)
    {
        var worker = new EmulatorWorker(emulator, actionType, configure, name, journalDirectory ?? Path.Combine(Path.GetTempPath(), "tpj-tests", Guid.NewGuid().ToString("N")), configureServices, alongside);
        handler?.Invoke(worker.Handler);
        foreach (var hosted in worker.Workers)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return worker;
    }

    /// <summary>Lets the worker's backoff waits pass (fake time) until <paramref name="condition"/> holds.</summary>
    public Task RunUntilAsync(Func<bool> condition, string what) =>
        Eventually.AdvanceUntilAsync(Time, condition, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(30), what);

    public Task BeginStopAsync()
    {
        _stopped = true;
        return Task.Run(() => Task.WhenAll(Workers.Select(hosted => hosted.StopAsync(CancellationToken.None))), CancellationToken.None);
    }

    /// <summary>Stops the worker, letting fake time pass meanwhile (its shutdown waits on it).</summary>
    public async Task StopAsync()
    {
        var stopping = BeginStopAsync();
        await RunUntilAsync(() => stopping.IsCompleted, "the worker stops");
        await stopping;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            foreach (var hosted in Workers)
            {
                await hosted.StopAsync(new CancellationToken(canceled: true));
            }
        }

        await _provider.DisposeAsync();
        Statistics.Dispose();
        AlongsideStatistics?.Dispose();
    }
}
