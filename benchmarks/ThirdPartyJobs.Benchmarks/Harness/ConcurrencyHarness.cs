using System.Diagnostics;
using System.Globalization;
using ThirdPartyJobs.Benchmarks.Server;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// <c>concurrency [--levels 1,8,64] [--seconds 5] [--rounds 3]</c>: N callers each loop
/// <c>GetThirdPartyJobDetails</c> against the canned Kestrel server (in this process) for a fixed
/// time; every call's latency is timed here. Raw loop and client alternate within each round;
/// the table shows the median over rounds of calls/s, p50 and p99.
/// </summary>
public static class ConcurrencyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var levels = Option(args, "--levels", "1,8,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "5"), CultureInfo.InvariantCulture));
        var rounds = int.Parse(Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        var warmup = TimeSpan.FromSeconds(1);

        await using var server = await CannedCodePipelineServer.StartAsync();
        using var raw = new RawCodePipelineCaller(server.BaseAddress);
        using var client = ClientFactory.Create(server.BaseAddress);
        var subjects = new (string Name, Func<Task> Call)[]
        {
            ("raw loop", () => raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest)),
            ("ThirdPartyJobClient", () => client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken)),
        };

        Console.WriteLine($"# concurrency: levels {string.Join(',', levels)}, {duration.TotalSeconds} s per run after {warmup.TotalSeconds} s warm-up, {rounds} round(s), {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| callers | subject | calls/s | p50 ms | p99 ms | ratio to raw (calls/s) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var callers in levels)
        {
            var results = subjects.ToDictionary(s => s.Name, _ => new List<RunResult>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, call) in subjects)
                {
                    await MeasureAsync(call, callers, warmup);
                    results[name].Add(await MeasureAsync(call, callers, duration));
                }
            }

            var rawRate = Median(results[subjects[0].Name].Select(r => r.CallsPerSecond));
            foreach (var (name, _) in subjects)
            {
                var runs = results[name];
                var rate = Median(runs.Select(r => r.CallsPerSecond));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {callers} | {name} | {rate:N0} | {Median(runs.Select(r => r.P50Ms)):0.000} | {Median(runs.Select(r => r.P99Ms)):0.000} | {rate / rawRate:0.00} |"));
            }
        }

        return 0;
    }

    private static async Task<RunResult> MeasureAsync(Func<Task> call, int callers, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(16_384);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var t0 = Stopwatch.GetTimestamp();
                await call();
                latencies.Add(Stopwatch.GetTimestamp() - t0);
            }

            return latencies;
        })).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(all);
        return new RunResult(all.Length / elapsed.TotalSeconds, ToMs(Percentile(all, 0.50)), ToMs(Percentile(all, 0.99)));
    }

    private static long Percentile(long[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record RunResult(double CallsPerSecond, double P50Ms, double P99Ms);
}
