using System.Collections.Concurrent;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Reliability.Tests.Chaos;

/// <summary>
/// The hosted worker, through the real client and AWS SDK pipeline over loopback, against the
/// CodePipeline emulator with at least 30% of calls faulted (throttling, 5xx, connection resets,
/// delays past the client's attempt timeout) and a handler that throws at random: every job is
/// reported exactly once (none lost, none twice), each with an outcome its handler produced, and
/// every client call took at most the configured attempts. Seeded: <c>THIRDPARTYJOBS_CHAOS_SEED</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WorkerChaosTests
{
    private const int Jobs = 120;
    private const int MaxAttempts = 6;

    [Test]
    public async Task Under_heavy_faults_every_job_is_reported_exactly_once_with_bounded_retries()
    {
        var seed = TestSeed.Resolve("THIRDPARTYJOBS_CHAOS_SEED", 31337);
        // A poll whose answer the client abandoned (attempt timeout) still dispatched its jobs, as in CodePipeline;
        // letting an unacknowledged job be handed out again is what keeps such jobs from being lost. CodePipeline
        // hands such a job out again until the action times out, so the cap here is high: on a loaded machine
        // 250 ms attempt timeouts abandon many answers in a row (a cap of 10 left a job Dispatched for good at load 20+).
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { MaxDispatchesPerJob = 1000 });
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "ChaosReliability", "1");
        var created = Enumerable.Range(0, Jobs).Select(_ => emulator.CreateJob(actionType)).ToHashSet();
        emulator.Faults.EnableChaos(
            seed,
            probability: 0.4,
            kinds: [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Reset, FaultKind.Delay],
            delay: TimeSpan.FromMilliseconds(400));

        var handlerRandom = new Random(seed);
        var outcomes = new ConcurrentDictionary<string, ConcurrentBag<bool>>(StringComparer.Ordinal);
        var handlerRuns = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var attempts = new AttemptRecorder();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(attempts));
        services.AddSingleton<IThirdPartyJobClient>(provider => ThirdPartyJobClient.Create(
            new AWSOptions
            {
                Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
                DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
            },
            new ThirdPartyJobsOptions
            {
                Retry =
                {
                    MaxAttempts = MaxAttempts,
                    BaseDelay = TimeSpan.FromMilliseconds(2),
                    MaxDelay = TimeSpan.FromMilliseconds(20),
                    AttemptTimeout = TimeSpan.FromMilliseconds(250),
                    OverallTimeout = TimeSpan.FromSeconds(20),
                },
            },
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(new ChaosHandler(async (context, cancellationToken) =>
        {
            handlerRuns.AddOrUpdate(context.JobId, 1, (_, n) => n + 1);
            await Task.Yield();
            bool fails;
            lock (handlerRandom)
            {
                fails = handlerRandom.Next(4) == 0;
            }

            outcomes.GetOrAdd(context.JobId, _ => []).Add(!fails);
            return fails ? throw new InvalidOperationException("The handler failed on purpose.") : JobOutcome.Succeeded();
        }));
        services.AddThirdPartyJobWorker<ChaosHandler>("chaos", options =>
        {
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "ChaosReliability", "1");
            options.ClientTokens[actionType.ClientId] = actionType.ClientToken;
            options.MaxConcurrency = 16;
            options.MinPollInterval = TimeSpan.FromMilliseconds(10);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(100);
            options.ReportRetryDelay = TimeSpan.FromMilliseconds(20);
        });
        await using var provider = services.BuildServiceProvider();
        var worker = provider.GetServices<IHostedService>().Single();
        // The worker's jobs in flight, from its metric (the public statistics type is gone).
        long inFlight = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "thirdpartyjobs.worker.jobs_in_flight")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref inFlight, value));
        listener.Start();

        await worker.StartAsync(CancellationToken.None);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
        {
            try
            {
                await emulator.WaitForAllJobsTerminalAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"not every job finished within 180 s: {string.Join(", ", emulator.Jobs.GroupBy(j => j.State).Select(g => $"{g.Key} {g.Count()}"))}; worker: {Interlocked.Read(ref inFlight)} job(s) in flight");
            }
        }

        await worker.StopAsync(CancellationToken.None);
        emulator.Faults.EnableChaos(probability: 0);

        var requests = emulator.Requests;
        var faulted = requests.Count(r => r.Fault is not null);
        var byKind = requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Value).ToDictionary(g => g.Key, g => g.Count());
        var results = emulator.Results;
        var jobs = emulator.Jobs;
        var calls = attempts.Calls.ToArray();
        var attemptsHistogram = calls.GroupBy(c => c.Attempts).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        TestContext.Out.WriteLine(
            $"{Jobs} jobs; {requests.Count} requests, {faulted} faulted ({100.0 * faulted / requests.Count:0.0}%: {string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}"))}); "
            + $"{results.Count} results ({results.Count(r => r.Succeeded)} succeeded, {results.Count(r => !r.Succeeded)} failed); "
            + $"{calls.Length} client calls, attempts per call {{{string.Join(", ", attemptsHistogram)}}}, mean {calls.Average(c => c.Attempts):0.00}, max {calls.Max(c => c.Attempts)}, "
            + $"{calls.Count(c => !c.Succeeded)} calls failed after all attempts; {jobs.Count(j => j.DispatchCount > 1)} jobs dispatched more than once, "
            + $"{handlerRuns.Count(r => r.Value > 1)} handlers ran twice; worker: {Interlocked.Read(ref inFlight)} job(s) in flight");

        Assert.Multiple(() =>
        {
            Assert.That((double)faulted / requests.Count, Is.GreaterThanOrEqualTo(0.30), "at least 30% of calls faulted");
            Assert.That(byKind.Keys, Is.SupersetOf(new[] { FaultKind.Throttle, FaultKind.ServerError, FaultKind.Reset, FaultKind.Delay }));
            Assert.That(results.Select(r => r.JobId), Is.EquivalentTo(created), "every job reported exactly once: none lost, none twice");
            Assert.That(results.Select(r => r.JobId).Distinct().Count(), Is.EqualTo(results.Count), "no job reported twice");
            // CodePipeline (here: the emulator's MaxDispatchesPerJob) can hand one job to several pollers; the nonce lets only
            // one claim succeed, so no handler runs twice even for jobs handed out more than once.
            Assert.That(jobs.Count(j => j.DispatchCount > 1), Is.GreaterThan(0), "some jobs were handed out more than once");
            Assert.That(handlerRuns.Where(r => r.Value > 1).Select(r => r.Key), Is.Empty, "no handler ran twice");
            Assert.That(results, Has.All.Matches<ReportedJobResult>(r => outcomes[r.JobId].Contains(r.Succeeded)), "each result is an outcome its handler produced");
            Assert.That(calls.Max(c => c.Attempts), Is.LessThanOrEqualTo(MaxAttempts), "retries bounded by MaxAttempts");
            Assert.That(calls.Count(c => c.Attempts > 1), Is.GreaterThan(0), "retries happened");
            Assert.That(Interlocked.Read(ref inFlight), Is.Zero);
        });
    }

    /// <summary>A handler whose behaviour the test supplies.</summary>
    private sealed class ChaosHandler(Func<JobContext, CancellationToken, Task<JobOutcome>> handle) : IThirdPartyJobHandler
    {
        public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken) => handle(context, cancellationToken);
    }
}
