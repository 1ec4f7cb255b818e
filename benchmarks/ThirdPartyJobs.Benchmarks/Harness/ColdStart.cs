using System.Globalization;
using ThirdPartyJobs.Benchmarks.Server;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// Cold start, measured from outside (hyperfine): <c>serve --port P</c> runs the canned Kestrel
/// endpoint until stdin closes or the process is killed; <c>coldstart --url U</c> is the minimal
/// console path: build a <see cref="ThirdPartyJobClient"/>, make one <c>GetThirdPartyJobDetails</c>
/// call, print the job, exit.
/// </summary>
public static class ColdStart
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var port = int.Parse(ConcurrencyHarness.Option(args, "--port", "0"), CultureInfo.InvariantCulture);
        await using var server = await CannedCodePipelineServer.StartAsync(port: port);
        Console.WriteLine(server.BaseAddress);
        var seconds = double.Parse(ConcurrencyHarness.Option(args, "--seconds", "600"), CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        using var client = ClientFactory.Create(new Uri(ConcurrencyHarness.Option(args, "--url", "http://127.0.0.1:5080/")));
        var job = await client.GetJobDetailsAsync(CannedResponses.JobId, CannedResponses.ClientToken);
        Console.WriteLine($"job {job?.Id}: {job?.Data?.ActionTypeId?.Provider} in {job?.Data?.PipelineContext?.PipelineName}/{job?.Data?.PipelineContext?.StageName}, {job?.Data?.InputArtifacts.Count} input artifact(s), credentials {job?.Data?.ArtifactCredentials}");
        return 0;
    }
}
