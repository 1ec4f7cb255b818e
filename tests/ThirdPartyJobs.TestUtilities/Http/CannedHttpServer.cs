using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that records each request and answers from a script: a queue
/// of answers (the last one repeats) or a function of the request. It stands in for CodePipeline so
/// that the real AWS SDK pipeline (SigV4, HTTP, error unmarshalling) runs end to end, faults
/// included (delays, resets, bodies that break off or never end). Built on a raw socket rather than
/// HttpListener or Kestrel because it must be able to reset a connection at any byte
/// (HttpListener's Abort sends an empty 200 on Unix).
/// </summary>
public sealed class CannedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<CannedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private CannedResponse _last = CannedResponse.Json(200, "{}");
    private Func<CannedRequest, CannedResponse>? _answer;

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public CannedHttpServer()
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where the server listens, as <c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<CannedRequest> Requests => [.. _requests];

    /// <summary>Queues answers, one per request; the last one repeats.</summary>
    public CannedHttpServer Reply(params CannedResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    /// <summary>Answers every request with what <paramref name="answer"/> makes of it (ahead of any queued answer).</summary>
    public CannedHttpServer Reply(Func<CannedRequest, CannedResponse> answer)
    {
        _answer = answer;
        return this;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(connection);
            _ = Task.Run(() => ServeConnectionAsync(connection));
        }
    }

    private async Task ServeConnectionAsync(TcpClient connection)
    {
        try
        {
            using (connection)
            {
                var stream = connection.GetStream();
                using var reader = new HttpRequestReader(stream);
                while (!_stopping.IsCancellationRequested)
                {
                    var request = await reader.ReadAsync(_stopping.Token);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    var answer = _answer is { } script ? script(request) : _script.TryDequeue(out var next) ? _last = next : _last;
                    if (answer.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(answer.Delay, _stopping.Token);
                    }

                    if (answer.ResetAfterBytes is { } sent)
                    {
                        // Headers and part of the body, then a reset: the body breaks off mid-read.
                        await stream.WriteAsync(answer.Serialize().AsMemory(0, sent), _stopping.Token);
                        await stream.FlushAsync(_stopping.Token);
                        await Task.Delay(50, _stopping.Token);
                        connection.Client.LingerState = new LingerOption(true, 0);
                        connection.Client.Close();
                        return;
                    }

                    if (answer.StallAfterBytes is { } partial)
                    {
                        // Headers and part of the body, then nothing: the body never ends (a slow-loris server).
                        await stream.WriteAsync(answer.Serialize().AsMemory(0, partial), _stopping.Token);
                        await stream.FlushAsync(_stopping.Token);
                        await Task.Delay(Timeout.InfiniteTimeSpan, _stopping.Token);
                    }

                    if (answer.Reset)
                    {
                        // Linger 0 makes Close send a TCP RST: the client sees "connection reset by peer".
                        connection.Client.LingerState = new LingerOption(true, 0);
                        connection.Client.Close();
                        return;
                    }

                    await stream.WriteAsync(answer.Serialize(), _stopping.Token);
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (an attempt timeout) or the server is stopping.
        }
    }
}
