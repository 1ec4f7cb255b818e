using System.Diagnostics;
using System.Globalization;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs.Hosting;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// <c>worker [--jobs 2000] [--levels 1,8,32] [--journal on|off]</c>: the hosted worker end to end against the
/// in-process CodePipeline emulator (Kestrel on 127.0.0.1, SigV4 verified, in this process) with a
/// no-op handler. Jobs are queued first; the clock runs from the worker's start until the emulator
/// holds a result for every job. API calls per job come from the emulator's per-operation counters.
/// <c>--journal off</c> turns the crash-recovery journal off (it is on by default and syncs a file to
/// disk per job), to separate its cost from the rest of the worker's in before/after comparisons.
/// </summary>
public static class WorkerThroughputHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = int.Parse(ConcurrencyHarness.Option(args, "--jobs", "2000"), CultureInfo.InvariantCulture);
        var levels = ConcurrencyHarness.Option(args, "--levels", "1,8,32").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var journal = ConcurrencyHarness.Option(args, "--journal", "on") != "off";

        // Warm-up (JIT, connection pools), not reported.
        await RunOnceAsync(Math.Min(200, jobs), 8, journal);

        Console.WriteLine($"# worker end to end: {jobs} jobs per run, no-op handler, emulator in process, journal {(journal ? "on" : "off")}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| MaxConcurrency | jobs | seconds | jobs/s | polls | details | acknowledges | results | API calls per job |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in levels)
        {
            var run = await RunOnceAsync(level == 1 ? Math.Min(jobs, 500) : jobs, level, journal);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {level} | {run.Jobs} | {run.Seconds:0.00} | {run.Jobs / run.Seconds:N0} | {run.Polls} | {run.Details} | {run.Acknowledges} | {run.Results} | {(double)(run.Polls + run.Details + run.Acknowledges + run.Results) / run.Jobs:0.000} |"));
        }

        return 0;
    }

    private static async Task<Run> RunOnceAsync(int jobs, int maxConcurrency, bool journal)
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "BenchWorker", "1");
        for (var i = 0; i < jobs; i++)
        {
            emulator.CreateJob(actionType);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IThirdPartyJobClient>(_ => ThirdPartyJobClient.Create(
            new AWSOptions
            {
                Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
                DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
            },
            new ThirdPartyJobsOptions()));
        services.AddThirdPartyJobWorker<NoOpHandler>("bench", options =>
        {
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "BenchWorker", "1");
            options.ClientTokens[actionType.ClientId] = actionType.ClientToken;
            options.MaxConcurrency = maxConcurrency;
            options.MinPollInterval = TimeSpan.FromMilliseconds(10);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(50);
            options.EnableJournal = journal;
        });
        await using var provider = services.BuildServiceProvider();
        var worker = provider.GetServices<IHostedService>().Single();

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        while (emulator.Results.Count < jobs)
        {
            await Task.Delay(5);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await worker.StopAsync(CancellationToken.None);
        return new Run(
            jobs,
            seconds,
            emulator.GetCallCount(CodePipelineOperation.PollForThirdPartyJobs),
            emulator.GetCallCount(CodePipelineOperation.GetThirdPartyJobDetails),
            emulator.GetCallCount(CodePipelineOperation.AcknowledgeThirdPartyJob),
            emulator.GetCallCount(CodePipelineOperation.PutThirdPartyJobSuccessResult) + emulator.GetCallCount(CodePipelineOperation.PutThirdPartyJobFailureResult));
    }

    private sealed record Run(int Jobs, double Seconds, int Polls, int Details, int Acknowledges, int Results);

    private sealed class NoOpHandler : IThirdPartyJobHandler
    {
        public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken) => Task.FromResult(JobOutcome.Succeeded());
    }
}
