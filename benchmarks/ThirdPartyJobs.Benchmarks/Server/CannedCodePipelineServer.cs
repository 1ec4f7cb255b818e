using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ThirdPartyJobs.Benchmarks.Server;

/// <summary>
/// A canned CodePipeline endpoint: Kestrel on 127.0.0.1 (a free port), in the benchmark process,
/// answering each operation with fixed bytes and no signature check, so that benchmarks measure
/// the client's own cost. It drains each request body before answering, as a real server would.
/// </summary>
public sealed class CannedCodePipelineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

    private CannedCodePipelineServer(WebApplication app, byte[] jobDetails)
    {
        _app = app;
        JobDetailsBody = jobDetails;
        _app.Run(HandleAsync);
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What <c>GetThirdPartyJobDetails</c> answers.</summary>
    public byte[] JobDetailsBody { get; set; }

    /// <summary>Requests answered since start.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<CannedCodePipelineServer> StartAsync(byte[]? jobDetails = null, int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // Headers as CodePipeline sends them (Date, Content-Type, Content-Length, x-amzn-RequestId), no Server header.
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var server = new CannedCodePipelineServer(builder.Build(), jobDetails ?? CannedResponses.JobDetails);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Drain the body without copying it anywhere.
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        Interlocked.Increment(ref _requests);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var body = operation switch
        {
            "GetThirdPartyJobDetails" => JobDetailsBody,
            "PollForThirdPartyJobs" => CannedResponses.PollOneJob,
            "AcknowledgeThirdPartyJob" => CannedResponses.AcknowledgeInProgress,
            _ => CannedResponses.Empty,
        };

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/x-amz-json-1.1";
        response.Headers["x-amzn-RequestId"] = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
