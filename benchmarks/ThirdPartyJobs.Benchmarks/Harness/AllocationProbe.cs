using System.Globalization;
using ThirdPartyJobs.Benchmarks.Server;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// <c>alloc [--calls 20000]</c>: bytes allocated per sequential <c>GetThirdPartyJobDetails</c>
/// call, process-wide (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), for the raw loop, the
/// client, and the canned server alone (measured by sending the raw request from a second
/// process is not possible here, so the server's share is estimated as what Kestrel allocates
/// for a request with the raw loop's client side subtracted: see docs/performance.md).
/// </summary>
public static class AllocationProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(ConcurrencyHarness.Option(args, "--calls", "20000"), CultureInfo.InvariantCulture);
        await using var server = await CannedCodePipelineServer.StartAsync();
        using var raw = new RawCodePipelineCaller(server.BaseAddress);
        using var client = ClientFactory.Create(server.BaseAddress);

        var rawBytes = await MeasureAsync(() => raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest), calls);
        var clientBytes = await MeasureAsync(() => client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken), calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw loop:            {rawBytes,10:N0} B/call (process-wide, includes Kestrel)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ThirdPartyJobClient: {clientBytes,10:N0} B/call (process-wide, includes Kestrel)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client minus raw:    {clientBytes - rawBytes,10:N0} B/call"));
        return 0;
    }

    private static async Task<double> MeasureAsync(Func<Task> call, int calls)
    {
        for (var i = 0; i < 2000; i++)
        {
            await call();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
    }
}
