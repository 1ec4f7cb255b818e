using Moq;
using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class SecretsTests
{
    [Test]
    public async Task Client_tokens_credentials_and_configuration_values_never_reach_logs_or_failure_messages()
    {
        var contextTexts = new System.Collections.Concurrent.ConcurrentBag<string>();
        var jobs = 0;
        await using var harness = await WorkerHarness.StartAsync(
            options => options.JobTimeout = TimeSpan.FromMinutes(1),
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (context, token) =>
                {
                    contextTexts.Add(context.ToString());
                    contextTexts.Add(context.Data.ToString());
                    var credentials = await context.GetArtifactCredentialsAsync(token);
                    contextTexts.Add(credentials.ToString());
                    var secret = context.Data.Configuration.GetSecretValue("ApiKey");
                    switch (Interlocked.Increment(ref jobs) % 4)
                    {
                        case 0:
                            throw new InvalidOperationException($"{Canary.ExceptionMessage} {secret} {credentials.GetSecretAccessKey()} {Canary.ClientToken}");
                        case 1:
                            await Task.Delay(Timeout.Infinite, token);
                            return JobOutcome.Succeeded();
                        case 2:
                            return JobOutcome.ContinueLater("continue");
                        default:
                            return JobOutcome.Succeeded();
                    }
                };

                // Every path: success, continuation, exception, deadline, unknown client,
                // nonce race, failed claim, report retry and give-up.
                h.Service.AddJobs(8);
                h.Service.AddJob(clientId: "client-unknown");
                h.Service.AddJob(jobId: "job-raced");
                h.Service.AddJob(jobId: "job-missing");
                h.Service.Mock.Setup(c => c.AcknowledgeJobAsync("job-raced", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(new InvalidNonceException("The nonce does not match."));
                h.Service.Mock.Setup(c => c.GetJobDetailsAsync("job-missing", It.IsAny<string>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(new JobNotFoundException("The job was not found."));
                h.Service.Mock.Setup(c => c.PutJobFailureResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<FailureDetails>(), It.IsAny<CancellationToken>()))
                    .Returns<string, string, FailureDetails, CancellationToken>((jobId, token, failure, _) =>
                    {
                        h.Service.RecordFailure(jobId, token, failure);
                        return Task.FromException(new ServiceUnavailableException("CodePipeline is unavailable."));
                    });
            });

        await Eventually.AdvanceUntilAsync(
            harness.Time,
            () => harness.Statistics.InFlight == 0 && harness.Statistics.JobsReceived == 11,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromMinutes(5),
            "every job is settled");

        var logs = harness.Logs.AllText();
        var failureMessages = string.Join("\n", harness.Service.Reports.Select(r => r.Failure?.Message));
        Assert.Multiple(() =>
        {
            Assert.That(harness.Logs.Entries, Has.Count.GreaterThan(30), "the test saw real logging");
            Assert.That(harness.Statistics.HandlerExceptions, Is.EqualTo(2));
            Assert.That(harness.Statistics.JobsTimedOut, Is.EqualTo(2));
            Assert.That(harness.Statistics.ReportFailures, Is.EqualTo(4));
            Assert.That(Canary.FoundIn(logs), Is.EqualTo(new[] { Canary.ExceptionMessage }), "logs: a handler's exception message is logged (issue 13), with the job's secrets scrubbed");
            Assert.That(Canary.FoundIn(failureMessages), Is.Empty, "failure messages");
            Assert.That(Canary.FoundIn(string.Join("\n", contextTexts)), Is.Empty, "ToString of the context, details and credentials");
        });
    }
}
