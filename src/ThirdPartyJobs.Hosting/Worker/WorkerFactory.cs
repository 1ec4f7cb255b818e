using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThirdPartyJobs.Hosting.ClientTokens;
using ThirdPartyJobs.Hosting.Diagnostics;
using ThirdPartyJobs.Hosting.Journal;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>Builds a worker's parts from the container when the host starts it.</summary>
internal static class WorkerFactory
{
    /// <summary>Where journals go by default: the temporary directory, writable in any container (mount a volume there to survive the container).</summary>
    public static string DefaultJournalDirectory => Path.Combine(Path.GetTempPath(), "thirdpartyjobs", "journal");

    public static WorkerParts Build(IServiceProvider provider, string name, Func<IServiceProvider, IThirdPartyJobHandler> createHandler)
    {
        // Resolving the named options validates them; a bad setting fails the host's start.
        var options = provider.GetRequiredService<IOptionsMonitor<ThirdPartyJobWorkerOptions>>().Get(name);
        var loggerFactory = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        var metrics = new WorkerMetrics(HostingTelemetry.CreateMeter(provider.GetService<IMeterFactory>()), name);
        var diagnostics = new WorkerDiagnostics(name, loggerFactory.CreateLogger(typeof(ThirdPartyJobWorker).FullName + "." + name), metrics);
        var state = new WorkerState(name, options, time, diagnostics);

        // The action type's owner picks the API: custom actions need no client token.
        var isCustom = state.ActionType.Owner == ActionOwner.Custom;
        IJobSource source = isCustom
            ? CustomSource(provider.GetRequiredService<ICustomJobClient>(), state, options)
            : new ThirdPartyJobSource(state.ActionType, provider.GetRequiredService<IThirdPartyJobClient>(), ClientTokens(provider, name, options) ?? throw NoClientTokens(name), diagnostics, state.Disposal.Token);

        // A journal record of the other kind (the worker's action type changed, or a shared journal) is reported
        // through its own API when this host can: the other kind's client and, for third-party jobs, client tokens.
        IJobSource? OtherKind() => isCustom
            ? provider.GetService<IThirdPartyJobClient>() is { } thirdParty && ClientTokens(provider, name, options) is { } tokens
                ? new ThirdPartyJobSource(state.ActionType, thirdParty, tokens, diagnostics, state.Disposal.Token)
                : null
            : provider.GetService<ICustomJobClient>() is { } custom ? CustomSource(custom, state, options) : null;

        FileJobJournal? ownedJournal = null;
        var journal = provider.GetKeyedService<IJobJournal>(name);
        if (journal is null && options.EnableJournal)
        {
            var directory = options.JournalDirectory
                ?? provider.GetService<IConfiguration>()?["ThirdPartyJobs:Worker:" + name + ":JournalDirectory"]
                ?? DefaultJournalDirectory;
            journal = ownedJournal = new FileJobJournal(directory, name, loggerFactory.CreateLogger(typeof(FileJobJournal).FullName + "." + name));
        }

        var reporter = new JobReporter(options, diagnostics, time, state.Disposal.Token);
        var handlers = new HandlerExecution(state, provider.GetRequiredService<IServiceScopeFactory>(), createHandler);
        var runner = new JobRunner(state, source, journal, reporter, handlers, new DetachedHandlers(diagnostics, options.MaxConcurrency));
        var recovery = journal is null
            ? null
            : new JobRecovery(state, new JobSources(source, OtherKind), journal, reporter, provider.GetKeyedService<IJobRecoveryHandler>(name) ?? provider.GetService<IJobRecoveryHandler>());
        return new WorkerParts(state, source, runner, recovery, ownedJournal);
    }

    private static CustomJobSource CustomSource(ICustomJobClient client, WorkerState state, ThirdPartyJobWorkerOptions options) =>
        new(state.ActionType, client, options.QueryParam.Count == 0 ? null : new Dictionary<string, string>(options.QueryParam, StringComparer.Ordinal), state.Diagnostics, state.Disposal.Token);

    private static IClientTokenProvider? ClientTokens(IServiceProvider provider, string name, ThirdPartyJobWorkerOptions options) =>
        provider.GetKeyedService<IClientTokenProvider>(name)
            ?? (options.ClientTokens.Count > 0 ? new DictionaryClientTokenProvider((options.ClientTokens as ClientTokenDictionary)?.Secrets ?? options.ClientTokens) : null)
            ?? provider.GetService<IClientTokenProvider>();

    private static InvalidOperationException NoClientTokens(string name) => new(
        $"Job worker '{name}' has no client tokens: set ThirdPartyJobWorkerOptions.ClientTokens, or register an IClientTokenProvider (keyed by \"{name}\" for this worker only). Custom actions (ActionTypeId.Owner Custom) need none.");
}
