using System.Diagnostics;
using Amazon;
using NUnit.Framework;
using ThirdPartyJobs.Tests.Integration;
using ThirdPartyJobs.Tests.Support;

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
