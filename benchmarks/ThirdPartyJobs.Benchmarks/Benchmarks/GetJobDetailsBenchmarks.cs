using BenchmarkDotNet.Attributes;
using ThirdPartyJobs.Benchmarks.Harness;
using ThirdPartyJobs.Benchmarks.Server;

namespace ThirdPartyJobs.Benchmarks.Benchmarks;

/// <summary>
/// One <c>GetThirdPartyJobDetails</c> call at a time over one keep-alive loopback connection to the
/// canned Kestrel server (in this process): the client against the raw HTTP loop (the limit).
/// Allocations are the process's, so they include Kestrel's share (the same in both rows).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GetJobDetailsBenchmarks
{
    private CannedCodePipelineServer _server = null!;
    private RawCodePipelineCaller _raw = null!;
    private IThirdPartyJobClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await CannedCodePipelineServer.StartAsync();
        _raw = new RawCodePipelineCaller(_server.BaseAddress);
        _client = ClientFactory.Create(_server.BaseAddress);

        // Open both connections and sanity-check what is measured.
        if (await _raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest) < 50)
        {
            throw new InvalidOperationException("The raw loop did not read the full response.");
        }

        var details = await _client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken);
        if (details?.Data?.ArtifactCredentials is null || details.Data.Configuration.Keys.Count != 5)
        {
            throw new InvalidOperationException("The client did not parse the full response.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient + Utf8JsonReader pass")]
    public Task<int> RawLoop() => _raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest);

    [Benchmark(Description = "ThirdPartyJobClient.GetJobDetailsAsync")]
    public Task<JobDetails?> Client() => _client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken);
}
