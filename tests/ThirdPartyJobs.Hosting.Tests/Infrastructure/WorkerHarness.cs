using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// One worker, registered through <c>AddThirdPartyJobWorker</c> like an application would,
/// with a mocked client, fake time, a scriptable handler and captured logs.
/// </summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    public const string WorkerName = "test-worker";
    public const string ClientId = "client-1";
    public static readonly ActionTypeId ActionType = new(ActionCategory.Build, ActionOwner.ThirdParty, "Harness", "1");

    /// <summary>How far the worker tests move fake time at a go: the harness's minimum poll interval and first report retry delay.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>A finer step, for the tests that measure poll and report retry intervals.</summary>
    public static readonly TimeSpan FineStep = TimeSpan.FromMilliseconds(250);

    private readonly ServiceProvider _provider;
    private bool _stopped;

    private WorkerHarness(Action<ThirdPartyJobWorkerOptions>? configure, Action<IServiceCollection>? configureServices, bool registerTestWorker)
    {
        Service = new FakeCodePipeline(Time);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Service.Mock.Object);
        services.AddSingleton(Handler);
        if (registerTestWorker)
        {
            services.AddThirdPartyJobWorker<TestHandler>(WorkerName, options =>
            {
                ApplyDefaults(options);
                options.JournalDirectory = JournalDirectory;
                configure?.Invoke(options);
            });
        }

        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Worker = _provider.GetServices<IHostedService>().Single();
        Statistics = new WorkerMetricsView(_provider.GetRequiredService<IMeterFactory>(), WorkerName);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeCodePipeline Service { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public TestHandler Handler { get; } = new();

    public IHostedService Worker { get; }

    /// <summary>The worker's metrics.</summary>
    public WorkerMetricsView Statistics { get; }

    /// <summary>This harness's own journal directory (deleted with it).</summary>
    public string JournalDirectory { get; } = Path.Combine(Path.GetTempPath(), "tpj-tests", Guid.NewGuid().ToString("N"));

    public IServiceProvider Services => _provider;

    /// <summary>The harness's settings: client tokens, short polls and a 10-minute job timeout.</summary>
    public static void ApplyDefaults(ThirdPartyJobWorkerOptions options)
    {
        options.ActionTypeId = ActionType;
        options.ClientTokens[ClientId] = Canary.ClientToken;
        options.MinPollInterval = TimeSpan.FromSeconds(1);
        options.MaxPollInterval = TimeSpan.FromSeconds(8);
        options.JobTimeout = TimeSpan.FromMinutes(10);
        options.TimeoutSafetyMargin = TimeSpan.FromSeconds(30);
        options.ShutdownGracePeriod = TimeSpan.FromSeconds(20);
        options.ReportRetryDelay = TimeSpan.FromSeconds(1);
    }

    /// <summary>Builds and starts the harness; with <paramref name="registerTestWorker"/> false, <paramref name="configureServices"/> registers the one worker (named <see cref="WorkerName"/>).</summary>
    public static async Task<WorkerHarness> StartAsync(Action<ThirdPartyJobWorkerOptions>? configure = null, Action<IServiceCollection>? configureServices = null, Action<WorkerHarness>? beforeStart = null, bool registerTestWorker = true)
    {
        var harness = new WorkerHarness(configure, configureServices, registerTestWorker);
        beforeStart?.Invoke(harness);
        await harness.Worker.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        await Worker.StopAsync(cancellationToken);
    }

    /// <summary>The options of worker <paramref name="name"/> as <c>AddThirdPartyJobWorker(name, section, …)</c> binds them from <paramref name="settings"/> (an in-memory configuration).</summary>
    public static ThirdPartyJobWorkerOptions BindOptions(string name, string section, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddThirdPartyJobWorker<TestHandler>(name, configuration.GetSection(section), options => options.ActionTypeId = ActionType);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ThirdPartyJobWorkerOptions>>().Get(name);
    }

    /// <summary>The slots arrangement: <paramref name="maxConcurrency"/> slots, and <paramref name="jobs"/> jobs whose handlers wait for <paramref name="release"/>.</summary>
    public static Task<WorkerHarness> StartWithWaitingJobsAsync(int maxConcurrency, int jobs, Task release) =>
        StartAsync(
            options => options.MaxConcurrency = maxConcurrency,
            beforeStart: h =>
            {
                h.Handler.OnHandle = TestHandler.WaitFor(release);
                h.Service.AddJobs(jobs);
            });

    /// <summary>
    /// The shutdown arrangement: <paramref name="count"/> jobs whose handlers run <paramref name="handle"/>
    /// are running, and the worker has begun stopping (event 2002 logged) with <paramref name="hostToken"/>
    /// as the host's patience. Fake time has not moved since the stop began.
    /// </summary>
    public static async Task<(WorkerHarness Harness, Task Stopping)> StartThenStopAsync(int count, TimeSpan gracePeriod, Func<JobContext, CancellationToken, Task<JobOutcome>> handle, CancellationToken hostToken)
    {
        var harness = await StartAsync(
            options => options.ShutdownGracePeriod = gracePeriod,
            beforeStart: h =>
            {
                h.Handler.OnHandle = handle;
                h.Service.AddJobs(count);
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == count, $"{count} jobs run");
        var stopping = harness.BeginStopAsync(hostToken);
        await Eventually.UntilAsync(() => harness.Logs.WithEventId(2002).Any(), "the worker begins stopping");
        return (harness, stopping);
    }

    /// <summary>Starts stopping without waiting for it (to drive fake time meanwhile).</summary>
    public Task BeginStopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        return Task.Run(() => Worker.StopAsync(cancellationToken), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            // A host that stops waiting at once: handlers are cancelled and report right away.
            await Worker.StopAsync(new CancellationToken(canceled: true));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (Statistics.InFlight > 0 && watch.Elapsed < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(1);
            }
        }

        await _provider.DisposeAsync();
        Statistics.Dispose();
        try
        {
            Directory.Delete(JournalDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
