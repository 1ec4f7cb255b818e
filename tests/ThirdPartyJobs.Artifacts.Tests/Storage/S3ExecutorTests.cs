using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThirdPartyJobs.Artifacts.Storage;

namespace ThirdPartyJobs.Artifacts.Tests.Storage;

/// <summary>The retry layer on a fake clock: backoff, attempt timeouts, credential renewal and what is never retried.</summary>
public sealed class S3ExecutorTests
{
    private static readonly ArtifactTarget Target = new("In", IsInput: true, "bucket", "key.zip");

    [Test]
    public async Task Throttling_is_retried_with_exponential_backoff_on_the_TimeProvider()
    {
        var time = new FakeTimeProvider();
        var executor = Executor(time, new ArtifactOptions { Retry = { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(200), UseJitter = false } }.Retry);
        var attempts = 0;

        var call = executor.ExecuteAsync("GetObject", Target, _ => ++attempts < 3 ? throw S3Error("SlowDown", HttpStatusCode.ServiceUnavailable) : Task.FromResult(42), CancellationToken.None);

        await WaitUntil(() => attempts == 1);
        time.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Yield();
        Assert.That(attempts, Is.EqualTo(1), "still waiting out the first 200 ms");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntil(() => attempts == 2);
        time.Advance(TimeSpan.FromMilliseconds(399));
        await Task.Yield();
        Assert.That(attempts, Is.EqualTo(2), "the second delay doubles");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await call, Is.EqualTo(42));
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task An_attempt_that_hangs_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        var time = new FakeTimeProvider();
        var executor = Executor(time, new ArtifactOptions { Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(30) } }.Retry);
        var attempts = 0;

        var call = executor.ExecuteAsync(
            "GetObject",
            Target,
            async token =>
            {
                if (++attempts == 1)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }

                return "second";
            },
            CancellationToken.None);

        await WaitUntil(() => attempts == 1);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.That(await call, Is.EqualTo("second"));
    }

    [Test]
    public async Task Hanging_until_the_budget_runs_out_is_ArtifactStoreUnavailableException()
    {
        var time = new FakeTimeProvider();
        var executor = Executor(time, new ArtifactOptions { Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(30) } }.Retry);
        var attempts = 0;

        var call = executor.ExecuteAsync<int>("UploadPart", Target, async token =>
        {
            attempts++;
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, CancellationToken.None);

        await WaitUntil(() => attempts == 1);
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitUntil(() => attempts == 2);
        time.Advance(TimeSpan.FromSeconds(30));

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => call);
        Assert.That(error!.Attempts, Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("attempt timeout"));
    }

    [TestCase("AccessDenied", HttpStatusCode.Forbidden, typeof(ArtifactAccessDeniedException))]
    [TestCase("NoSuchKey", HttpStatusCode.NotFound, typeof(ArtifactNotFoundException))]
    [TestCase("InvalidArgument", HttpStatusCode.BadRequest, typeof(ArtifactException))]
    public void Final_errors_are_not_retried(string code, HttpStatusCode status, Type expected)
    {
        var executor = Executor(new FakeTimeProvider(), new ArtifactOptions { Retry = { MaxAttempts = 5 } }.Retry);
        var attempts = 0;

        var error = Assert.ThrowsAsync(expected, () => executor.ExecuteAsync<int>("GetObject", Target, _ =>
        {
            attempts++;
            throw S3Error(code, status);
        }, CancellationToken.None));

        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(((ArtifactException)error!).ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public void A_callers_cancellation_is_not_mapped_or_retried()
    {
        var executor = Executor(new FakeTimeProvider(), new ArtifactOptions { Retry = { MaxAttempts = 5 } }.Retry);
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        Assert.That(
            () => executor.ExecuteAsync<int>("GetObject", Target, token =>
            {
                attempts++;
                cancellation.Cancel();
                token.ThrowIfCancellationRequested();
                return Task.FromResult(0);
            }, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public void Network_failures_are_retried_then_reported_with_the_cause()
    {
        var executor = Executor(new FakeTimeProvider(), new ArtifactOptions { Retry = { MaxAttempts = 3, BaseDelay = TimeSpan.Zero } }.Retry);
        var attempts = 0;

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => executor.ExecuteAsync<int>("GetObject", Target, _ =>
        {
            attempts++;
            throw new HttpRequestException("Connection refused (127.0.0.1:1)");
        }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(3));
            Assert.That(error!.Attempts, Is.EqualTo(3));
            Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        });
    }

    [Test]
    public async Task Expired_credentials_are_reloaded_once_and_the_call_repeated()
    {
        var calls = 0;
        var executor = Executor(new FakeTimeProvider(), new ArtifactOptions().Retry, _ => ValueTask.FromResult(TestJobs.ValidCredentials("token-" + ++calls)));
        await executor.Credentials.LoadAsync(CancellationToken.None);
        var seen = new List<string>();

        var result = await executor.ExecuteAsync("GetObject", Target, _ =>
        {
            seen.Add(executor.Credentials.GetCredentials().Token);
            return seen.Count == 1 ? throw S3Error("ExpiredToken", HttpStatusCode.BadRequest) : Task.FromResult("ok");
        }, CancellationToken.None);

        Assert.That(result, Is.EqualTo("ok"));
        Assert.That(seen, Is.EqualTo(new[] { "token-1", "token-2" }));
    }

    [Test]
    public void The_SDK_exception_is_not_chained_because_its_raw_response_can_quote_the_access_key()
    {
        var executor = Executor(new FakeTimeProvider(), new ArtifactOptions().Retry);

        var error = Assert.ThrowsAsync<ArtifactAccessDeniedException>(() => executor.ExecuteAsync<int>("GetObject", Target, _ => throw S3Error("InvalidAccessKeyId", HttpStatusCode.Forbidden), CancellationToken.None));

        Assert.That(error!.InnerException, Is.Null);
    }

    private static S3Executor Executor(TimeProvider time, ThirdPartyJobsRetryOptions retry, Func<CancellationToken, ValueTask<SessionCredentials>>? source = null)
    {
        var credentials = new JobArtifactCredentials(source ?? (_ => ValueTask.FromResult(TestJobs.ValidCredentials())));
        return new S3Executor(credentials, ArtifactResiliencePipeline.Create(retry, time, NullLogger.Instance), NullLogger.Instance, "job-1", time);
    }

    private static AmazonS3Exception S3Error(string code, HttpStatusCode status) =>
        new($"S3 says {code}.", ErrorType.Sender, code, "REQ123", status);

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Waits for the pipeline's continuations (not for time to pass: the clock is fake).
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.That(condition(), Is.True, "condition not reached");
    }
}
