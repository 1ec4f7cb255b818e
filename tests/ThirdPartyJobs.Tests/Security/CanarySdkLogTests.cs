using System.Diagnostics;
using Amazon;
using ThirdPartyJobs.Tests.Integration;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>
/// The AWS SDK's own logging, turned all the way up (responses included): the client's service
/// client opts out of response logging, so job bodies (artifact credentials, configuration) and
/// echoed client tokens must not reach it either.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CanarySdkLogTests
{
    /// <summary>
    /// Every <c>AWSConfigs.LoggingConfig</c> option on at once (trace listener and console, responses
    /// always, request metrics in both formats): the client's own session token (metrics quote the
    /// canonical request, <c>x-amz-security-token</c> included), the job's answer and an error that
    /// echoes the client token must reach neither sink.
    /// </summary>
    [TestCase(LogMetricsFormatOption.Standard)]
    [TestCase(LogMetricsFormatOption.JSON)]
    public async Task Sdk_logging_with_every_option_on_carries_no_secret(LogMetricsFormatOption format)
    {
        var logging = AWSConfigs.LoggingConfig;
        var saved = (logging.LogTo, logging.LogResponses, logging.LogMetrics, logging.LogMetricsFormat, logging.LogResponsesSizeLimit);
        var console = Console.Out;
        using var captured = new StringWriter();
        using var writer = new StringWriter();
        using var listener = new TextWriterTraceListener(writer, "canary-sdk-log-all");
        try
        {
            logging.LogTo = LoggingOptions.SystemDiagnostics | LoggingOptions.Console;
            logging.LogResponses = ResponseLoggingOption.Always;
            logging.LogResponsesSizeLimit = int.MaxValue;
            logging.LogMetrics = true;
            logging.LogMetricsFormat = format;
            AWSConfigs.AddTraceListener("Amazon", listener);
            Console.SetOut(captured);

            using var server = new CannedHttpServer();
            var aws = LoopbackClient.AwsOptions(server.BaseUrl);
            aws.Credentials = new Amazon.Runtime.SessionAWSCredentials(Canaries.AccessKeyId, Canaries.SecretAccessKey, Canaries.SessionToken);
            using var client = LoopbackClient.Create(server.BaseUrl, LoopbackClient.FastOptions(maxAttempts: 1), awsOptions: aws);
            server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails));
            await client.GetJobDetailsAsync("job-1", Canaries.ClientToken);
            server.Reply(CannedResponse.Error(403, "InvalidSignatureException", $"The canonical request was POST / x-amz-security-token:{Canaries.SessionToken} clientToken {Canaries.ClientToken} <AWSAccessKeyId>{Canaries.AccessKeyId}</AWSAccessKeyId>"));
            Assert.CatchAsync<ThirdPartyJobException>(() => client.GetJobDetailsAsync("job-1", Canaries.ClientToken));
            server.Reply(CannedResponse.Json(400, $"<html>{Canaries.SecretAccessKey}</html>") with { ContentType = "text/html" });
            Assert.CatchAsync<ThirdPartyJobException>(() => client.AcknowledgeJobAsync("job-1", "nonce-1", Canaries.ClientToken));
        }
        finally
        {
            Console.SetOut(console);
            AWSConfigs.RemoveTraceListener("Amazon", listener.Name);
            (logging.LogTo, logging.LogResponses, logging.LogMetrics, logging.LogMetricsFormat, logging.LogResponsesSizeLimit) = saved;
        }

        listener.Flush();
        var text = writer + "\n" + captured;
        Assert.That(Canaries.Leaks(text), Is.False, () => "the SDK's log leaks a secret:\n" + text);
    }

    [Test]
    public async Task Sdk_logging_at_its_most_verbose_carries_no_secret()
    {
        var logging = AWSConfigs.LoggingConfig;
        var (logTo, logResponses, logMetrics) = (logging.LogTo, logging.LogResponses, logging.LogMetrics);
        using var writer = new StringWriter();
        using var listener = new TextWriterTraceListener(writer, "canary-sdk-log");
        try
        {
            logging.LogTo = LoggingOptions.SystemDiagnostics;
            logging.LogResponses = ResponseLoggingOption.Always;
            logging.LogMetrics = true;
            AWSConfigs.AddTraceListener("Amazon", listener);

            using var server = new CannedHttpServer();
            using var client = LoopbackClient.Create(server.BaseUrl, LoopbackClient.FastOptions(maxAttempts: 1));
            server.Reply(CannedResponse.Json(200, SampleResponses.FullJobDetails));
            await client.GetJobDetailsAsync("job-1", Canaries.ClientToken);
            server.Reply(CannedResponse.Error(400, "ValidationException", $"Value '{Canaries.ClientToken}' at 'clientToken' failed"));
            Assert.ThrowsAsync<ServiceValidationException>(() => client.GetJobDetailsAsync("job-1", Canaries.ClientToken));
        }
        finally
        {
            AWSConfigs.RemoveTraceListener("Amazon", listener.Name);
            (logging.LogTo, logging.LogResponses, logging.LogMetrics) = (logTo, logResponses, logMetrics);
        }

        listener.Flush();
        var text = writer.ToString();
        Assert.That(text, Does.Contain("Amazon"), "the SDK's log was captured");
        Assert.That(Canaries.Leaks(text), Is.False, () => "the SDK's log leaks a secret:\n" + text);
    }
}
