using BenchmarkDotNet.Running;
using ThirdPartyJobs.Benchmarks.Harness;

// No instance metadata service on a developer machine or CI: keep the SDK from probing for one.
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

return args.FirstOrDefault() switch
{
    "concurrency" => await ConcurrencyHarness.RunAsync(args[1..]),
    "alloc" => await AllocationProbe.RunAsync(args[1..]),
    "breakdown" => await BreakdownProbe.RunAsync(args[1..]),
    "worker" => await WorkerThroughputHarness.RunAsync(args[1..]),
    "serve" => await ColdStart.ServeAsync(args[1..]),
    "coldstart" => await ColdStart.RunAsync(args[1..]),
    "noop" => 0, // the runtime's own start-up, for comparison with coldstart

    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
