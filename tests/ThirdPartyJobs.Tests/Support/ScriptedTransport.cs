using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Moq;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// A Moq <see cref="ICodePipelineTransport"/> that answers attempt by attempt from a script (the
/// last step repeats), records each request and signals each attempt so tests can follow retries.
/// </summary>
internal sealed class ScriptedTransport
{
    private readonly ConcurrentQueue<Func<TransportRequest, CancellationToken, Task<TransportResponse>>> _script = new();
    private readonly Channel<TransportRequest> _attempts = Channel.CreateUnbounded<TransportRequest>();
    private readonly ConcurrentQueue<TransportRequest> _requests = new();
    private Func<TransportRequest, CancellationToken, Task<TransportResponse>>? _last;

    public ScriptedTransport()
    {
        Mock.Setup(transport => transport.SendAsync(It.IsAny<TransportRequest>(), It.IsAny<CancellationToken>()))
            .Returns<TransportRequest, CancellationToken>(Next);
        Mock.Setup(transport => transport.Dispose());
    }

    public Mock<ICodePipelineTransport> Mock { get; } = new(MockBehavior.Strict);

    public ICodePipelineTransport Object => Mock.Object;

    public IReadOnlyList<TransportRequest> Requests => [.. _requests];

    public int Attempts => _requests.Count;

    public static TransportResponse Ok(string body, string requestId = "req-ok") => new(Encoding.UTF8.GetBytes(body), requestId);

    public ScriptedTransport Then(Func<TransportRequest, CancellationToken, Task<TransportResponse>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public ScriptedTransport ThenReturn(string body) => Then((_, _) => Task.FromResult(Ok(body)));

    public ScriptedTransport ThenThrow(Func<TransportRequest, Exception> error) => Then((request, _) => Task.FromException<TransportResponse>(error(request)));

    public ScriptedTransport ThenThrow(Exception error) => ThenThrow(_ => error);

    /// <summary>An attempt that never answers: it ends only when its token is cancelled.</summary>
    public ScriptedTransport ThenHang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        throw new InvalidOperationException("unreachable");
    });

    /// <summary>Waits for the next attempt to start (a hang guard, not a timing assertion).</summary>
    public async Task<TransportRequest> NextAttemptAsync() =>
        await _attempts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool TryTakeAttempt(out TransportRequest? request) => _attempts.Reader.TryRead(out request);

    private Task<TransportResponse> Next(TransportRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        var step = _script.TryDequeue(out var next) ? _last = next : _last;
        _attempts.Writer.TryWrite(request);
        return step is null
            ? throw new InvalidOperationException("The transport script is empty.")
            : step(request, cancellationToken);
    }
}
