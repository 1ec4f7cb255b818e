using System.Diagnostics;
using System.Globalization;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using ThirdPartyJobs.Benchmarks.Server;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.AwsSdk;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// <c>breakdown [--calls 20000] [--only 0,3,4] [--blocking]</c>: where a <c>GetThirdPartyJobDetails</c> call's time and
/// allocations go, layer by layer, sequentially against the canned server.
/// </summary>
public static class BreakdownProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(ConcurrencyHarness.Option(args, "--calls", "20000"), CultureInfo.InvariantCulture);
        await using var server = await CannedCodePipelineServer.StartAsync();
        using var raw = new RawCodePipelineCaller(server.BaseAddress);
        using var client = ClientFactory.Create(server.BaseAddress);
        using var inMemory = new CodePipelineThirdPartyJobClient(new CannedTransport(), new ThirdPartyJobsOptions(), null);
        var sdk = (CodePipelineServiceClient)new AWSOptions
        {
            Credentials = new BasicAWSCredentials("AKIDEXAMPLEBENCH0001", "benchmark-secret-access-key-0000000000000"),
            DefaultClientConfig = { ServiceURL = server.BaseAddress.ToString(), AuthenticationRegion = "us-east-1" },
        }.CreateServiceClient<CodePipelineServiceClient>();
        var context = new ParseContext("GetThirdPartyJobDetails", CannedResponses.JobId, null);

        var probes = new (string Name, Func<Task> Call)[]
        {
            ("parse only", () => Task.FromResult(ResponseParser.ParseJobDetails(CannedResponses.JobDetails, context))),
            ("client over in-memory transport (validation, writer, Polly, parse)", () => inMemory.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken)),
            ("SDK service client only (marshal, sign, HTTP, read body)", () => sdk.InvokeJsonOperationAsync(new JsonOperationRequest(new TransportRequest("GetThirdPartyJobDetails", CannedResponses.GetJobDetailsRequest, null, []), CancellationToken.None), CancellationToken.None)),
            ("raw loop", () => raw.GetJobDetailsAsync(CannedResponses.GetJobDetailsRequest)),
            ("full client", () => client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken)),
        };

        var only = ConcurrencyHarness.Option(args, "--only", "");
        var blocking = args.Contains("--blocking");
        foreach (var (name, call) in probes.Where((_, i) => only.Length == 0 || only.Split(',').Contains(i.ToString(CultureInfo.InvariantCulture))))
        {
            for (var i = 0; i < 2000; i++)
            {
                await call();
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++)
            {
                if (blocking)
                {
                    // As BenchmarkDotNet runs async benchmarks: the calling thread waits synchronously.
                    call().GetAwaiter().GetResult();
                }
                else
                {
                    await call();
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-70} {elapsed.TotalMicroseconds / calls,9:N1} µs/call {cpu.TotalMicroseconds / calls,9:N1} CPU µs/call {bytes,10:N0} B/call"));
        }

        sdk.Dispose();
        return 0;
    }

    private sealed class CannedTransport : ICodePipelineTransport
    {
        private static readonly Task<TransportResponse> Response = Task.FromResult(new TransportResponse(CannedResponses.JobDetails, "request-id"));

        public Task<TransportResponse> SendAsync(TransportRequest request, CancellationToken cancellationToken) => Response;

        public void Dispose()
        {
        }
    }
}
