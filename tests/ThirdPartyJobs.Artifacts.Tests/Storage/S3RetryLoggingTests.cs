using System.Net;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThirdPartyJobs.Artifacts.Storage;

namespace ThirdPartyJobs.Artifacts.Tests.Storage;

/// <summary>
/// What a retried or failed S3 request logs at the default level (Information), through the
/// shared retry layer: one Warning line per retry without a stack trace, nothing from Polly, and
/// S3 messages scrubbed by the shared scrubber (short secrets withhold the whole message).
/// </summary>
public sealed class S3RetryLoggingTests
{
    private static readonly ArtifactTarget Target = new("In", IsInput: true, "bucket", "key.zip");

    private sealed class Recorder : ILoggerProvider
    {
        public List<(LogLevel Level, string Category, int EventId, string Message, Exception? Exception)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Recorder owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Entries)
                {
                    owner.Entries.Add((logLevel, category, eventId.Id, formatter(state, exception), exception));
                }
            }
        }
    }

    [Test]
    public void A_failed_request_logs_one_line_per_retry_at_the_default_level()
    {
        using var recorder = new Recorder();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(recorder)); // the default level, Information
        var logger = loggerFactory.CreateLogger("ThirdPartyJobs.Artifacts");
        var time = new FakeTimeProvider();
        var retry = new ArtifactOptions { Retry = { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } }.Retry;
        var executor = new S3Executor(
            new JobArtifactCredentials(_ => ValueTask.FromResult(TestJobs.ValidCredentials())),
            ArtifactResiliencePipeline.Create(retry, time, logger),
            logger,
            "job-1",
            time);

        Assert.CatchAsync<ArtifactStoreUnavailableException>(() => executor.ExecuteAsync<int>(
            "GetObject", Target, _ => throw new AmazonS3Exception("Reduce your request rate.", Amazon.Runtime.ErrorType.Sender, "SlowDown", "REQ", HttpStatusCode.ServiceUnavailable), CancellationToken.None));

        var retries = recorder.Entries.Where(e => e.EventId == ArtifactResiliencePipeline.RetryEventId).ToList();
        var printed = recorder.Entries.Sum(e => 1 + (e.Exception?.ToString().Split('\n').Length ?? 0));
        TestContext.Out.WriteLine($"failed S3 request, 5 attempts: {recorder.Entries.Count} entries, {printed} printed lines");
        Assert.Multiple(() =>
        {
            Assert.That(retries.Select(e => e.Message), Is.EqualTo(Enumerable.Range(1, 4).Select(attempt =>
                $"S3 GetObject: attempt {attempt} of 5 failed with SlowDown; retrying in 0 ms")));
            Assert.That(retries.Select(e => e.Level), Is.All.EqualTo(LogLevel.Warning));
            Assert.That(retries.Select(e => e.Exception), Is.All.Null, "no stack trace per retry");
            Assert.That(recorder.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)), Is.Empty);
            Assert.That(recorder.Entries.Select(e => e.Message), Has.None.Contains("(null)"));
            Assert.That(recorder.Entries, Has.Count.EqualTo(4), "four retry lines; the final failure is the caller's exception (logged at Debug)");
            Assert.That(printed, Is.EqualTo(4), "no stack trace at the default level");
        });
    }

    [Test]
    public void An_S3_message_quoting_a_short_secret_is_withheld_like_CodePipeline_ones()
    {
        var error = new AmazonS3Exception("Token abc is not valid", Amazon.Runtime.ErrorType.Sender, "InvalidToken", "REQ", HttpStatusCode.BadRequest);

        var failure = S3ServiceFailure.From(error, ["abc"]);

        Assert.That(failure.Message, Is.EqualTo(SecretScrubber.WithheldMessage));
        Assert.That(S3ErrorMapper.Scrub("key AKIDLONGSECRET in use", ["AKIDLONGSECRET"]), Is.EqualTo("key *** in use"), "long secrets are replaced");
        Assert.That(S3ServiceFailure.From(error, ["not-quoted-secret"]).Message, Is.EqualTo("Token abc is not valid"));
    }

    [TestCase("SlowDown", HttpStatusCode.ServiceUnavailable, true)]
    [TestCase("InternalError", HttpStatusCode.InternalServerError, true)]
    [TestCase("RequestTimeout", HttpStatusCode.BadRequest, true)]
    [TestCase("ThrottlingException", HttpStatusCode.BadRequest, true)]
    [TestCase(null, HttpStatusCode.TooManyRequests, true)]
    [TestCase("NoSuchKey", HttpStatusCode.NotFound, false)]
    [TestCase("AccessDenied", HttpStatusCode.Forbidden, false)]
    public void The_S3_classifier_uses_the_shared_AWS_codes(string? code, HttpStatusCode status, bool transient)
    {
        var failure = S3ServiceFailure.From(new AmazonS3Exception("x", Amazon.Runtime.ErrorType.Sender, code, "REQ", status), []);

        Assert.That(S3ErrorClassifier.IsTransient(failure), Is.EqualTo(transient));
        Assert.That(S3ErrorClassifier.IsTransient(failure), Is.EqualTo(
            AwsErrorClassifier.IsThrottlingCode(code) || AwsErrorClassifier.IsTransientCode(code) || AwsErrorClassifier.IsTransientStatus(status) || AwsErrorClassifier.IsThrottlingStatus(status)));
    }
}
