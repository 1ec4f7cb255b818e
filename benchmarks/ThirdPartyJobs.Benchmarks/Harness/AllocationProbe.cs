using System.Globalization;
using ThirdPartyJobs.Benchmarks.Server;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// <c>alloc [--calls 20000] [--url http://127.0.0.1:P/]</c>: bytes allocated per sequential
/// <c>GetThirdPartyJobDetails</c> call, process-wide (<see cref="GC.GetTotalAllocatedBytes(bool)"/>),
/// for the raw loop and the client. Without <c>--url</c> the canned Kestrel server runs in this
/// process and its share is included; with <c>--url</c> (a <c>serve</c> process) only the caller's.
/// </summary>
public static class AllocationProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(ConcurrencyHarness.Option(args, "--calls", "20000"), CultureInfo.InvariantCulture);
        var url = ConcurrencyHarness.Option(args, "--url", "");
        await using var server = url.Length == 0 ? await CannedCodePipelineServer.StartAsync() : null;
        var endpoint = server?.BaseAddress ?? new Uri(url);
        var where = server is null ? "caller only, server in another process" : "process-wide, includes Kestrel";
        using var raw = new RawCodePipelineCaller(endpoint);
        using var client = ClientFactory.Create(endpoint);

        var rawBytes = await MeasureAsync(() => raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest), calls);
        var clientBytes = await MeasureAsync(() => client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken), calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw loop:            {rawBytes,10:N0} B/call ({where})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ThirdPartyJobClient: {clientBytes,10:N0} B/call ({where})"));
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
