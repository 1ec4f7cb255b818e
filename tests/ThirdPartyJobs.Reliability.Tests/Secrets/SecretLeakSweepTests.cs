using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Reliability.Tests.Secrets;

/// <summary>
/// Plants canary secrets in every secret field (artifact credentials, client tokens,
/// configuration values, the signing keys) and looks for them everywhere a secret could leak:
/// <c>ToString()</c> and default JSON serialization of every public type of the shipped
/// assemblies, exception messages and <c>ToString()</c>, and every log line at Trace (the
/// client's (its retry lines included) and the AWS SDK's own) during real calls over loopback. Any hit fails.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SecretLeakSweepTests
{
    /// <summary>The shipped assemblies, loaded by name so that newly added ones only need a line here.</summary>
    /// <remarks>
    /// ThirdPartyJobs.Testing (the emulator) is a test-support package that keeps requests and its fake
    /// accounts' keys readable on purpose (RecordedRequest); it is not swept here (see docs/reliability.md).
    /// </remarks>
    private static readonly string[] ShippedAssemblies = ["ThirdPartyJobs", "ThirdPartyJobs.Hosting", "ThirdPartyJobs.Artifacts", "ThirdPartyJobs.Testing", "ThirdPartyJobs.Testing.S3"];

    /// <summary>Public types the sweep cannot build, each with the reason; anything else unbuildable fails the sweep.</summary>
    private static readonly Dictionary<string, string> Unbuildable = new(StringComparer.Ordinal)
    {
        ["ThirdPartyJobs.Testing.CodePipelineEmulator"] = "a running server (StartAsync); holds no secret of its own beyond the test keys, and its log output is swept by the emulator's LoggingTests",
        ["ThirdPartyJobs.Testing.LocalS3Server"] = "a running s3rver process (StartAsync); its fixed keys are s3rver's public defaults",
    };

    [Test]
    public void Every_public_type_keeps_planted_secrets_out_of_ToString_and_json()
    {
        var factory = new CanaryInstanceFactory();
        var findings = new List<string>();
        var covered = new List<string>();
        var notBuilt = new List<string>();
        foreach (var type in ShippedAssemblies.Select(Assembly.Load).SelectMany(a => a.GetExportedTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsInterface || type.IsEnum || (type.IsAbstract && type.IsSealed) || typeof(Delegate).IsAssignableFrom(type) || type.ContainsGenericParameters)
            {
                continue;
            }

            var instance = factory.TryCreate(type, out var whyNot);
            if (instance is null)
            {
                if (!Unbuildable.ContainsKey(type.FullName!))
                {
                    notBuilt.Add($"{type.FullName}: {whyNot}");
                }

                continue;
            }

            covered.Add(type.FullName!);
            Check(factory.Detector, $"{type.FullName}.ToString()", instance.ToString(), findings);
            Check(factory.Detector, $"JsonSerializer.Serialize({type.FullName})", SerializeOrNull(instance), findings);
            if (instance is Exception exception)
            {
                Check(factory.Detector, $"{type.FullName}.Message", exception.Message, findings);
            }

            (instance as IDisposable)?.Dispose();
        }

        TestContext.Out.WriteLine($"{covered.Count} public types built with {factory.PlantedIn.Count} planted secrets and checked: {string.Join(", ", covered)}");
        TestContext.Out.WriteLine($"planted in: {string.Join(", ", factory.PlantedIn.Distinct())}");
        Assert.That(notBuilt, Is.Empty, "public types the sweep cannot build: teach CanaryInstanceFactory to build them, or list them in Unbuildable with a reason");
        Assert.That(covered, Has.Count.GreaterThan(20));
        Assert.That(findings, Is.Empty, "secrets leaked (if a planted value is not secret, add its member name to CanaryInstanceFactory.NonSecretNames)");
    }

    [Test]
    public async Task Real_calls_over_loopback_leak_no_secret_to_logs_exceptions_or_results()
    {
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var server = new CannedHttpServer().Reply(request => Script(request.Operation, request.Body, attempts));
        using var sdkLog = new SdkLogCapture();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var retry = new ThirdPartyJobsOptions { Retry = { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(5) } };
        var impatient = new ThirdPartyJobsOptions { Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromMilliseconds(200) } };
        using var client = ThirdPartyJobClient.Create(Aws(server), retry, loggerFactory);
        using var impatientClient = ThirdPartyJobClient.Create(Aws(server), impatient, loggerFactory);

        var outputs = new List<(string Where, string? Text)>();
        var exceptions = new List<(string Scenario, Exception Error)>();
        async Task Run(string scenario, Func<Task<object?>> call)
        {
            try
            {
                var result = await call();
                outputs.Add(($"{scenario}: result.ToString()", result?.ToString()));
                outputs.Add(($"{scenario}: JsonSerializer.Serialize(result)", result is null ? null : SerializeOrNull(result)));
            }
            catch (Exception error)
            {
                exceptions.Add((scenario, error));
            }
        }

        const string token = Canaries.ClientToken;
        await Run("details ok", async () => await client.GetJobDetailsAsync("ok", token));
        await Run("details ok: data", async () => (await client.GetJobDetailsAsync("ok", token))!.Data);
        await Run("details ok: credentials", async () => (await client.GetJobDetailsAsync("ok", token))!.Data!.ArtifactCredentials);
        await Run("details ok: configuration", async () => (await client.GetJobDetailsAsync("ok", token))!.Data!.Configuration);
        await Run("poll", async () => string.Join(",", await client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "ExamplePartner", "1"), 5)));
        await Run("acknowledge", async () => await client.AcknowledgeJobAsync("ok", SampleResponses.Nonce, token));
        await Run("success result", async () => { await client.PutJobSuccessResultAsync("ok", token, new CurrentRevision("r1", "c1"), "step-2", new ExecutionDetails("done", "ext-1", 100)); return null; });
        await Run("failure result", async () => { await client.PutJobFailureResultAsync("ok", token, new FailureDetails(FailureType.JobFailed, "it failed")); return null; });
        await Run("validation error echoing the client token", async () => await client.GetJobDetailsAsync("echo-validation", token));
        await Run("5xx echoing the client token, then success", async () => await client.GetJobDetailsAsync("flaky", token));
        await Run("throttled until attempts run out, echoing the client token", async () => await client.GetJobDetailsAsync("throttled", token));
        await Run("nonce rejected, echoing token and nonce", async () => await client.AcknowledgeJobAsync("echo-nonce", SampleResponses.Nonce, token));
        await Run("malformed success body holding secrets", async () => await client.GetJobDetailsAsync("malformed", token));
        await Run("error body that is not JSON, holding the client token", async () => await client.GetJobDetailsAsync("garbage-error", token));
        await Run("connection reset, then success", async () => await client.GetJobDetailsAsync("reset", token));
        await Run("attempt timeout, then success", async () => await impatientClient.GetJobDetailsAsync("slow", token));
        await Run("refused argument: client token too long", async () => await client.GetJobDetailsAsync("ok", string.Concat(Enumerable.Repeat(token, 10))));

        var findings = new List<string>();
        foreach (var (scenario, error) in exceptions)
        {
            Check(null, $"{scenario}: {error.GetType().Name}.Message", error.Message, findings);
            Check(null, $"{scenario}: {error.GetType().Name}.ToString()", error.ToString(), findings);
        }

        foreach (var (where, text) in outputs)
        {
            Check(null, where, text, findings);
        }

        foreach (var entry in logs.Entries)
        {
            Check(null, $"log {entry.Category} {entry.Level}", entry.FullText, findings);
        }

        foreach (var scope in logs.Scopes)
        {
            Check(null, "log scope", scope, findings);
        }

        foreach (var line in sdkLog.Lines)
        {
            Check(null, "AWS SDK log", line, findings);
        }

        Check(null, "AWS SDK console log", sdkLog.ConsoleText, findings);

        var categories = logs.Entries.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"checked {exceptions.Count} exceptions ({string.Join(", ", exceptions.Select(e => e.Error.GetType().Name))}), {outputs.Count} results, "
            + $"{logs.Entries.Count} log entries ({string.Join(", ", categories.Select(c => $"{c.Key} {c.Value}"))}), {sdkLog.Lines.Count} AWS SDK log lines, {sdkLog.ConsoleText.Length} characters of AWS SDK console output");

        // The sweep is only worth something if every path really produced output.
        Assert.Multiple(() =>
        {
            Assert.That(findings, Is.Empty, "secrets leaked");
            Assert.That(exceptions.Select(e => e.Error.GetType().Name), Is.SupersetOf(new[] { "ServiceValidationException", "ThrottledException", "InvalidNonceException", "MalformedResponseException", "ArgumentException" }));
            Assert.That(logs.Entries.Select(e => e.FullText), Has.Some.Contains("; retrying in "), "no retry was logged");
            Assert.That(categories.Keys, Has.Some.EqualTo(typeof(ThirdPartyJobClient).FullName), "the client logged nothing");
            Assert.That(sdkLog.Lines, Is.Not.Empty, "the AWS SDK logged nothing");
        });
    }

    private static CannedResponse Script(string operation, string body, ConcurrentDictionary<string, int> attempts)
    {
        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var jobId = root.TryGetProperty("jobId", out var id) ? id.GetString()! : "poll";
        var token = root.TryGetProperty("clientToken", out var t) ? t.GetString() : null;
        var attempt = attempts.AddOrUpdate(operation + "/" + jobId, 1, (_, n) => n + 1);
        var echo = $"Value '{token}' at 'clientToken' failed to satisfy constraint";
        return (operation, jobId) switch
        {
            (_, "echo-validation") => CannedResponse.Error(400, "ValidationException", echo, typeHeader: true),
            (_, "flaky") when attempt < 3 => CannedResponse.Error(500, "InternalFailure", echo, typeHeader: true),
            (_, "throttled") => CannedResponse.Error(400, "ThrottlingException", "Rate exceeded for " + echo, typeHeader: true),
            (_, "echo-nonce") => CannedResponse.Error(400, "InvalidNonceException", $"Nonce '{root.GetProperty("nonce").GetString()}' is stale; {echo}", typeHeader: true),
            (_, "malformed") => CannedResponse.Json(200, SampleResponses.JobDetails()[..900]),
            (_, "garbage-error") => CannedResponse.Json(502, $"<html>Bad gateway for {token} {Canaries.SecretAccessKey}</html>"),
            (_, "reset") when attempt == 1 => CannedResponse.ConnectionReset(),
            (_, "slow") when attempt == 1 => CannedResponse.Json(200, SampleResponses.JobDetails()) with { Delay = TimeSpan.FromSeconds(2) },
            ("GetThirdPartyJobDetails", _) => CannedResponse.Json(200, SampleResponses.JobDetails()),
            ("PollForThirdPartyJobs", _) => CannedResponse.Json(200, SampleResponses.PollJobs(2)),
            ("AcknowledgeThirdPartyJob", _) => CannedResponse.Json(200, SampleResponses.Acknowledge()),
            _ => CannedResponse.Json(200, "{}"),
        };
    }

    private static AWSOptions Aws(CannedHttpServer server) => new()
    {
        Credentials = new BasicAWSCredentials(Canaries.SigningAccessKeyId, Canaries.SigningSecretAccessKey),
        DefaultClientConfig = { ServiceURL = server.BaseUrl, AuthenticationRegion = "us-east-1" },
    };

    private static string? SerializeOrNull(object instance)
    {
        try
        {
            return JsonSerializer.Serialize(instance, instance.GetType());
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException or JsonException)
        {
            // Not serializable by default (e.g. an exception's TargetSite): nothing can leak this way.
            return null;
        }
    }

    private static void Check(CanaryDetector? detector, string where, string? text, List<string> findings)
    {
        if ((detector is null ? Canaries.FindIn(text) : detector.FindIn(text)) is { } secret)
        {
            findings.Add($"{where}: holds the {secret}");
            if (Environment.GetEnvironmentVariable("THIRDPARTYJOBS_SHOW_LEAKS") == "1")
            {
                TestContext.Out.WriteLine($"LEAK in {where}: {text}");
            }
        }
    }
}
