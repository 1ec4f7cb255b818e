using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

/// <summary>Issue 11 item 7: the options' client tokens never serialize or print.</summary>
public sealed class OptionsSecretsTests
{
    [Test]
    public void Client_tokens_never_serialize_or_print()
    {
        var options = new ThirdPartyJobWorkerOptions { ActionTypeId = WorkerHarness.ActionType };
        options.ClientTokens["client-1"] = Canary.ClientToken;

        var texts = new Dictionary<string, string>
        {
            ["System.Text.Json"] = System.Text.Json.JsonSerializer.Serialize(options),
            ["Newtonsoft.Json"] = Newtonsoft.Json.JsonConvert.SerializeObject(options),
            ["Newtonsoft.Json, TypeNameHandling.All"] = Newtonsoft.Json.JsonConvert.SerializeObject(options, new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All }),
            ["property dump"] = Dump(options),
            ["ToString"] = options.ToString() + " " + options.ClientTokens,
            ["Values"] = string.Join(",", options.ClientTokens.Values),
            ["CopyTo"] = string.Join(",", CopyTo(options.ClientTokens)),
        };

        Assert.Multiple(() =>
        {
            foreach (var (how, text) in texts)
            {
                Assert.That(Canary.FoundIn(text), Is.Empty, how);
            }

            Assert.That(texts["System.Text.Json"], Does.Contain("\"ClientTokens\":{\"client-1\":\"***\"}"), "client ids stay visible");
            Assert.That(texts["property dump"], Does.Contain("client-1=***"));
            Assert.That(options.ClientTokens["client-1"], Is.EqualTo(Canary.ClientToken), "the worker still reads the token by client id");
            Assert.That(options.ClientTokens.TryGetValue("client-1", out var token) ? token : null, Is.EqualTo(Canary.ClientToken));
        });
    }

    [Test]
    public void Client_tokens_bound_from_configuration_reach_the_worker_and_no_dump()
    {
        var options = WorkerHarness.BindOptions("w", "Worker", new Dictionary<string, string?>
        {
            ["Worker:ClientTokens:client-1"] = Canary.ClientToken,
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.ClientTokens["client-1"], Is.EqualTo(Canary.ClientToken));
            Assert.That(Canary.FoundIn(System.Text.Json.JsonSerializer.Serialize(options) + Newtonsoft.Json.JsonConvert.SerializeObject(options) + Dump(options)), Is.Empty);
        });
    }

    private static string[] CopyTo(ICollection<KeyValuePair<string, string>> pairs)
    {
        var array = new KeyValuePair<string, string>[pairs.Count];
        pairs.CopyTo(array, 0);
        return array.Select(pair => pair.Value).ToArray();
    }

    // What a structured logger's destructuring ({@Options}) sees: every public property, dictionaries walked.
    private static string Dump(object value)
    {
        var text = new StringBuilder();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyValue = property.GetValue(value);
            text.Append(property.Name).Append(": ");
            if (propertyValue is IEnumerable enumerable and not string)
            {
                foreach (var item in enumerable)
                {
                    text.Append(item is KeyValuePair<string, string> pair ? $"{pair.Key}={pair.Value}" : item?.ToString()).Append(' ');
                }
            }
            else
            {
                text.Append(propertyValue);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

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
                h.Service.AcknowledgedElsewhere("job-raced");
                h.Service.Mock.Setup(c => c.GetJobDetailsAsync("job-missing", It.IsAny<string>(), It.IsAny<CancellationToken>()))
                    .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("JobNotFoundException", "The job was not found."));
                h.Service.Mock.Setup(c => c.PutJobFailureResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<FailureDetails>(), It.IsAny<CancellationToken>()))
                    .Returns<string, string, FailureDetails, CancellationToken>((jobId, token, failure, _) =>
                    {
                        h.Service.RecordFailure(jobId, token, failure);
                        return Task.FromException(ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable."));
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
