using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that records each request and answers from a script (the last
/// answer repeats). It stands in for CodePipeline so that the real AWS SDK pipeline (SigV4,
/// HTTP, error unmarshalling) runs end to end.
/// </summary>
internal sealed class CannedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private CannedResponse _last = CannedResponse.Json(200, "{}");

    public CannedHttpServer()
    {
        // Bind a free port: ask the OS for one, then listen on it (retry if another process grabbed it).
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(AcceptLoopAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public CannedHttpServer Reply(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            // Answer each request on its own so that a delayed answer does not hold up the next request.
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => request.Headers[key] ?? "", StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "", headers, body));

        var answer = _script.TryDequeue(out var next) ? _last = next : _last;
        var response = context.Response;
        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _stopping.Token);
            }

            if (answer.Abort)
            {
                response.Abort();
                return;
            }

            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.Headers["x-amzn-RequestId"] = answer.RequestId;
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token);
            response.Close();
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            response.Abort();
        }
        catch (HttpListenerException)
        {
            // The client gave up on this request (an attempt timeout): nothing to answer.
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

/// <summary>One scripted answer.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay = default, bool Abort = false)
{
    public string ContentType { get; init; } = "application/x-amz-json-1.1";

    public string RequestId { get; init; } = "canned-" + Guid.NewGuid().ToString("N")[..12];

    public static CannedResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(header => header.Name, header => header.Value));

    public static CannedResponse Error(int status, string type, string message = "") =>
        Json(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");

    public static CannedResponse Reset() => new(0, "", new Dictionary<string, string>(), Abort: true);
}

/// <summary>A request the server saw.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
