using System.Collections.Concurrent;
using System.Net;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>
/// A loopback reverse proxy (Kestrel on 127.0.0.1) between the S3 client and s3rver. It records
/// every request's method, path, query and headers, which is how the tests see what the client
/// really sent (s3rver neither verifies SigV4 nor keeps SSE headers), and it injects faults that
/// s3rver cannot produce: S3 error answers (503 SlowDown, 403 AccessDenied, 400 ExpiredToken),
/// bodies cut off mid-way, and bodies that stall.
/// </summary>
public sealed class RecordingS3Proxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Expect", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamUrl;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Fault> _faults = [];
    private int _requestCount;

    private RecordingS3Proxy(WebApplication app, Uri upstreamUrl)
    {
        _app = app;
        _upstreamUrl = upstreamUrl;
        _upstream = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The proxy's address; point the S3 client's ServiceURL here.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingS3Proxy> StartAsync(Uri upstreamUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new RecordingS3Proxy(app, upstreamUrl);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>Forgets recorded requests and pending faults.</summary>
    public void Reset()
    {
        _requests.Clear();
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with an S3 error document instead of forwarding them.</summary>
    public void InjectError(Func<RecordedRequest, bool> match, int times, HttpStatusCode status, string code, string message = "Injected by the test proxy.") =>
        Add(new Fault(match, times, FaultKind.Error) { Status = status, Code = code, Message = message });

    /// <summary>
    /// Answers the next <paramref name="times"/> matching requests with <paramref name="status"/> and a body the
    /// test writes (a raw error document, a huge or endless one, one that stalls).
    /// </summary>
    public void InjectResponse(Func<RecordedRequest, bool> match, int times, HttpStatusCode status, string contentType, Func<Stream, CancellationToken, Task> writeBody) =>
        Add(new Fault(match, times, FaultKind.Custom) { Status = status, ContentType = contentType, WriteBody = writeBody });

    /// <summary>Forwards the next matching request but cuts the response body off after <paramref name="afterBytes"/> bytes (the connection is aborted).</summary>
    public void InjectTruncatedBody(Func<RecordedRequest, bool> match, long afterBytes, int times = 1) =>
        Add(new Fault(match, times, FaultKind.Truncate) { AfterBytes = afterBytes });

    /// <summary>Forwards the next matching request but stops sending its body after <paramref name="afterBytes"/> bytes until the returned source is completed (or the client gives up).</summary>
    public TaskCompletionSource InjectStall(Func<RecordedRequest, bool> match, long afterBytes)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Add(new Fault(match, 1, FaultKind.Stall) { AfterBytes = afterBytes, Release = release });
        return release;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_faults)
        {
            foreach (var fault in _faults)
            {
                fault.Release?.TrySetResult();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private void Add(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    private Fault? Take(RecordedRequest request)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(candidate => candidate.Remaining > 0 && candidate.Match(request));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var incoming = context.Request;
        var headers = incoming.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString());
        var recorded = new RecordedRequest(incoming.Method, incoming.Path.Value ?? "/", incoming.QueryString.Value ?? string.Empty, headers);
        _requests.Enqueue(recorded);
        var fault = Take(recorded);

        if (fault is { Kind: FaultKind.Custom })
        {
            await incoming.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            recorded.Status = (int)fault.Status;
            context.Response.StatusCode = (int)fault.Status;
            context.Response.ContentType = fault.ContentType;
            context.Response.Headers["x-amz-request-id"] = $"PROXY{Interlocked.Increment(ref _requestCount):D6}";
            if (incoming.Method != HttpMethods.Head)
            {
                try
                {
                    await fault.WriteBody!(context.Response.Body, context.RequestAborted);
                }
                catch (Exception error) when (error is OperationCanceledException or IOException)
                {
                    // The client stopped reading: what a bounded reader is expected to do.
                }
            }

            return;
        }

        if (fault is { Kind: FaultKind.Error })
        {
            await incoming.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            recorded.Status = (int)fault.Status;
            context.Response.StatusCode = (int)fault.Status;
            context.Response.ContentType = "application/xml";
            var requestId = $"PROXY{Interlocked.Increment(ref _requestCount):D6}";
            context.Response.Headers["x-amz-request-id"] = requestId;
            if (incoming.Method != HttpMethods.Head)
            {
                await context.Response.WriteAsync(
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{SecurityElement.Escape(fault.Code)}</Code><Message>{SecurityElement.Escape(fault.Message)}</Message><RequestId>{requestId}</RequestId></Error>",
                    context.RequestAborted);
            }

            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(_upstreamUrl, incoming.Path.Value + incoming.QueryString.Value));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(incoming.Body);
        }

        foreach (var header in incoming.Headers)
        {
            if (HopByHopHeaders.Contains(header.Key))
            {
                continue;
            }

            if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                forward.Content ??= new ByteArrayContent([]);
                forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            else
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        recorded.Status = (int)response.StatusCode;
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        if (fault is { Kind: FaultKind.Truncate or FaultKind.Stall })
        {
            await CopyAsync(body, context.Response.Body, fault.AfterBytes, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (fault.Kind == FaultKind.Truncate)
            {
                // Ending with fewer bytes than Content-Length makes Kestrel send what was written and then drop the connection.
                return;
            }

            try
            {
                await fault.Release!.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task CopyAsync(Stream source, Stream destination, long bytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (bytes > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            bytes -= read;
        }
    }

    private enum FaultKind
    {
        Error,
        Truncate,
        Stall,
        Custom,
    }

    private sealed class Fault(Func<RecordedRequest, bool> match, int times, FaultKind kind)
    {
        public Func<RecordedRequest, bool> Match { get; } = match;

        public int Remaining { get; set; } = times;

        public FaultKind Kind { get; } = kind;

        public HttpStatusCode Status { get; init; }

        public string Code { get; init; } = string.Empty;

        public string Message { get; init; } = string.Empty;

        public long AfterBytes { get; init; }

        public TaskCompletionSource? Release { get; init; }

        public string ContentType { get; init; } = string.Empty;

        public Func<Stream, CancellationToken, Task>? WriteBody { get; init; }
    }
}
