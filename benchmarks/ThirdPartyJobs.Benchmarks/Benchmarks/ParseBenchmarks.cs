using BenchmarkDotNet.Attributes;
using ThirdPartyJobs.Benchmarks.Server;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Benchmarks.Benchmarks;

/// <summary>Parse only: response bytes to <see cref="JobDetails"/>, no I/O.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ParseBenchmarks
{
    private static readonly ParseContext Context = new("GetThirdPartyJobDetails", CannedResponses.JobId, "request-id");

    [Benchmark(Baseline = true, Description = "Full response (~2 KB, 5 config entries)")]
    public JobDetails? FullResponse() => ResponseParser.ParseJobDetails(CannedResponses.JobDetails, Context);

    [Benchmark(Description = "200-entry configuration map")]
    public JobDetails? LargeConfiguration() => ResponseParser.ParseJobDetails(CannedResponses.JobDetailsLargeConfiguration, Context);
}
