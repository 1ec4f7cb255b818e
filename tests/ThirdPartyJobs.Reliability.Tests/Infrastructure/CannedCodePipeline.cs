using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>What the canned endpoint answers to one request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (UTF-8).</param>
/// <param name="ErrorType">An <c>X-Amzn-ErrorType</c> header, when set.</param>
/// <param name="Delay">How long to wait before answering.</param>
/// <param name="Reset">Drop the connection instead of answering.</param>
internal sealed record CannedReply(int Status, string Body, string? ErrorType = null, TimeSpan Delay = default, bool Reset = false)
{
    public static CannedReply Ok(string body) => new(200, body);

    public static CannedReply Error(int status, string code, string message) =>
        new(status, $"{{\"__type\":\"{code}\",\"message\":\"{message}\"}}", code);
}

/// <summary>
/// A scripted CodePipeline endpoint: Kestrel on 127.0.0.1 (a free port) that hands each request
/// (operation name, request body, per-operation attempt number) to a script and answers with its
/// <see cref="CannedReply"/>. No signature check: the SDK still signs every request.
/// </summary>
internal sealed class CannedCodePipeline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<string, string, int, CannedReply> _script;
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private CannedCodePipeline(WebApplication app, Func<string, string, int, CannedReply> script)
    {
        _app = app;
        _script = script;
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<CannedCodePipeline> StartAsync(Func<string, string, int, CannedReply> script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new CannedCodePipeline(builder.Build(), script);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Requests seen per operation.</summary>
    public int AttemptsOf(string operation)
    {
        lock (_attempts)
        {
            return _attempts.GetValueOrDefault(operation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        int attempt;
        lock (_attempts)
        {
            attempt = _attempts[operation] = _attempts.GetValueOrDefault(operation) + 1;
        }

        var reply = _script(operation, body, attempt);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Reset)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = $"req-{operation}-{attempt}";
        if (reply.ErrorType is not null)
        {
            context.Response.Headers["X-Amzn-ErrorType"] = reply.ErrorType;
        }

        await context.Response.WriteAsync(reply.Body);
    }
}
