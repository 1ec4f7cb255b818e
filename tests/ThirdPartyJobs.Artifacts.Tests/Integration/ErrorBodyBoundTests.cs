using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// S3 error bodies are read up to 64 KB, under the attempt timeout and the caller's cancellation, and
/// exception messages quote at most a short excerpt of them: a 100 MB or endless error body costs neither
/// time nor memory.
/// </summary>
[NonParallelizable]
public sealed class ErrorBodyBoundTests : S3IntegrationTest
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    [Test]
    public async Task A_100_MB_error_document_is_read_up_to_64_KB_and_quoted_in_a_short_excerpt()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        using var artifacts = Factory(options => options.Retry.MaxAttempts = 1).Create(job);

        // A first, small error, so that the figures below are not the SDK's first-call start-up.
        Proxy.InjectError(_ => true, 1, HttpStatusCode.BadRequest, "InvalidArgument", "warm-up");
        Assert.ThrowsAsync<ArtifactException>(() => artifacts.OpenInputAsync("In"));
        Proxy.InjectResponse(_ => true, 1, HttpStatusCode.BadRequest, "application/xml", async (body, token) =>
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code><Message>"), token);
            await WriteFillerAsync(body, (byte)'A', HundredMegabytes, token);
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ArtifactException>(() => artifacts.OpenInputAsync("In"));

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TestContext.Out.WriteLine($"100 MB error document: {error!.GetType().Name} after {clock.ElapsedMilliseconds} ms, {allocated / 1024 / 1024} MiB allocated (proxy included); message {error.Message.Length} chars");
        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
            Assert.That(error.Message, Has.Length.LessThan(600), "a short excerpt of S3's message");
            Assert.That(error.Message, Does.Contain("AAAA"));
            Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "nowhere near the body's size");
        });
    }

    [Test]
    public void A_100_MB_html_503_is_read_up_to_64_KB_on_each_attempt_and_quoted_in_a_short_excerpt()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        Proxy.InjectResponse(_ => true, 3, HttpStatusCode.ServiceUnavailable, "text/html", async (body, token) =>
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes("<html><body>\n<h1>503 Service Unavailable</h1>\n"), token);
            await WriteFillerAsync(body, (byte)'x', HundredMegabytes, token);
        });
        using var artifacts = Factory().Create(job);

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => artifacts.OpenInputAsync("In"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Attempts, Is.EqualTo(3));
            Assert.That(error.Message, Has.Length.LessThan(600));
            Assert.That(error.Message, Does.Contain("HTTP 503: <html><body> <h1>503 Service Unavailable</h1>"), "an excerpt, control characters replaced");
            Assert.That(Logs.AllText(), Has.Length.LessThan(64 * 1024), "the retry logs quote the excerpt only");
        });
    }

    [Test]
    public async Task An_error_body_that_stalls_is_cut_off_by_the_attempt_timeout()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        var stalled = InjectStalledErrorBody();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var artifacts = Factory(
            options =>
            {
                options.Retry.MaxAttempts = 1;
                options.Retry.AttemptTimeout = TimeSpan.FromSeconds(3);
            },
            time).Create(job);

        var open = artifacts.OpenInputAsync("In");
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(4));

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => open.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.That(error!.Message, Does.Contain("within the attempt timeout of 3 s"));
    }

    [Test]
    public async Task An_error_body_that_stalls_gives_way_to_the_callers_cancellation()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        var stalled = InjectStalledErrorBody();
        using var artifacts = Factory(options => options.Retry.MaxAttempts = 1).Create(job);
        using var cancellation = new CancellationTokenSource();

        var open = artifacts.OpenInputAsync("In", cancellation.Token);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        Assert.That(() => open.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>The next response: a 500 whose error body starts and then never ends; the task completes once its first bytes are sent.</summary>
    private Task InjectStalledErrorBody()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Proxy.InjectResponse(_ => true, 1, HttpStatusCode.InternalServerError, "application/xml", async (body, token) =>
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes("<Error><Code>InternalError</Code><Message>slow"), token);
            await body.FlushAsync(token);
            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        return stalled.Task;
    }

    private static async Task WriteFillerAsync(Stream body, byte filler, long length, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, filler);
        for (long written = 0; written < length; written += chunk.Length)
        {
            await body.WriteAsync(chunk, cancellationToken);
        }
    }
}
