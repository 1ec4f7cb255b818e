using System.Diagnostics;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.CrashCheck;

/// <summary>
/// The parent: starts the emulator with jobs, runs the worker in a child process, kills it with
/// SIGKILL at chosen points (during a handler, right after an acknowledgement, right after a
/// report was sent), restarts it, and at the end checks every job.
/// </summary>
internal static class CrashRun
{
    private const int Jobs = 60;
    private const int Kills = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var seed = args.Length > 0 && int.TryParse(args[0], out var given) ? given : Environment.TickCount;
        var random = new Random(seed);
        var journal = Path.Combine(Path.GetTempPath(), "thirdpartyjobs-crashcheck", Guid.NewGuid().ToString("N"));

        // Unacknowledged jobs are handed out again (as CodePipeline does), so a job polled by a
        // killed worker is not stuck as "dispatched".
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { MaxDispatchesPerJob = 20 });
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "CrashCheck", "1", TimeSpan.FromMinutes(10));
        for (var i = 0; i < Jobs; i++)
        {
            emulator.CreateJob(actionType);
        }

        Console.WriteLine($"crash check: seed {seed}, {Jobs} jobs, journal {journal}");
        var stalls = new List<TimeSpan>();
        var pending = new List<string>();
        var kills = 0;
        string[] points = ["handler", "acknowledge", "report"];
        for (var round = 0; round <= Kills; round++)
        {
            var restartedAt = DateTimeOffset.UtcNow;
            using var child = await ChildProcess.StartAsync(emulator, actionType, journal);
            await MeasureStallsAsync(emulator, pending, restartedAt, stalls);
            if (round == Kills || emulator.Jobs.All(j => j.IsTerminal))
            {
                await WaitAsync(() => emulator.Jobs.All(j => j.IsTerminal), "every job has a result");
                await child.StopAsync();
                break;
            }

            var point = points[round % points.Length];
            await WaitForKillPointAsync(emulator, point, random);
            child.Kill();
            kills++;
            pending = emulator.Jobs.Where(j => j.State == EmulatedJobState.InProgress).Select(j => j.JobId).ToList();
            Console.WriteLine($"  kill {kills} ({point}): {pending.Count} job(s) left in progress, {emulator.Jobs.Count(j => j.IsTerminal)} of {Jobs} done");
        }

        var results = emulator.Results;
        var lost = emulator.Jobs.Count(j => j.State is not (EmulatedJobState.Succeeded or EmulatedJobState.Failed));
        var twice = results.GroupBy(r => r.JobId).Count(g => g.Count() > 1);
        var recovered = results.Count(r => r.FailureMessage == "The job worker restarted while the job ran.");
        var maxStall = stalls.Count == 0 ? 0 : stalls.Max().TotalSeconds;
        Console.WriteLine($"  {results.Count} results: {results.Count(r => r.Succeeded)} succeeded, {recovered} failed by recovery; {stalls.Count} recovered after a kill");
        TryDelete(journal);
        Console.WriteLine($"crash check: {Jobs} jobs, {kills} kills, {lost} lost, {twice} reported twice, max stall {maxStall:0.0} s");
        return lost == 0 && twice == 0 && maxStall <= 10 ? 0 : 1;
    }

    private static async Task WaitForKillPointAsync(CodePipelineEmulator emulator, string point, Random random)
    {
        var after = emulator.Requests.Count == 0 ? 0 : emulator.Requests.Max(r => r.Sequence);
        using var timeout = new CancellationTokenSource(Patience);
        switch (point)
        {
            case "acknowledge":
                await emulator.WaitForRequestAsync(r => r.Sequence > after && r.Operation == CodePipelineOperation.AcknowledgeThirdPartyJob, timeout.Token);
                break;
            case "report":
                await emulator.WaitForRequestAsync(r => r.Sequence > after && r.Operation is CodePipelineOperation.PutThirdPartyJobSuccessResult or CodePipelineOperation.PutThirdPartyJobFailureResult, timeout.Token);
                break;
            default:
                await WaitAsync(() => emulator.Jobs.Any(j => j.State == EmulatedJobState.InProgress), "a handler runs");
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 4000)));
                break;
        }
    }

    // Stall: from the restart to the report of each job the kill left in progress.
    private static async Task MeasureStallsAsync(CodePipelineEmulator emulator, List<string> pending, DateTimeOffset restartedAt, List<TimeSpan> stalls)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await WaitAsync(() => pending.All(id => emulator.GetJob(id).IsTerminal), "the jobs left in progress are reported");
        foreach (var id in pending)
        {
            var reportedAt = emulator.GetJob(id).CompletedAt!.Value; // when its result was accepted
            stalls.Add(reportedAt - restartedAt);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"Gave up waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
