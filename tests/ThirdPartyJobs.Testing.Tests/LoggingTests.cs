using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class LoggingTests
{
    private const string ConfigValue = "CANARY-config-value-7f3a";
    private const string ArtifactSecret = "CANARY-artifact-secret-91be";
    private const string ArtifactToken = "CANARY-artifact-token-c0d4";
    private const string SessionToken = "CANARY-session-token-55aa";
    private const string WrongToken = "CANARY-wrong-client-token-e1";
    private const string FailureMessage = "CANARY-failure-message-77";

    [Test]
    public async Task The_emulator_logs_no_secret_at_any_level()
    {
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var credential = new EmulatorCredential("ASIACANARYKEY0000001", "CANARY/secret/access/key/0123456789abcdef", SessionToken);
        var options = new CodePipelineEmulatorOptions { LoggerFactory = loggerFactory, TimeProvider = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(55)) };
        options.Credentials.Add(credential);
        var nonces = new List<string>();
        string jobId;
        string clientToken;
        await using (var emulator = await CodePipelineEmulator.StartAsync(options))
        {
            using var client = new EmulatorClient(emulator);
            var actionType = emulator.RegisterActionType("Build", "ThirdParty", "CanaryProvider", "1");
            clientToken = actionType.ClientToken;
            jobId = emulator.CreateJob(actionType, new JobSpec
            {
                Configuration = { ["ApiKey"] = ConfigValue },
                ArtifactCredentials = new EmulatorCredential("ASIAARTIFACT00000001", ArtifactSecret, ArtifactToken),
            });
            emulator.CreateJobWithRawData(actionType, "{\"actionConfiguration\":{\"configuration\":{\"Other\":\"" + ConfigValue + "\"}}}");

            await client.PollAsync(actionType, maxBatchSize: 2);
            await client.GetDetailsAsync(jobId, WrongToken);
            await client.GetDetailsAsync(jobId, WrongToken + new string('x', 300));
            var nonce = await client.GetNonceAsync(jobId, actionType.ClientToken);
            nonces.Add(nonce);
            await client.AcknowledgeAsync(jobId, nonce + "x", actionType.ClientToken);
            emulator.Faults.ThrottleNext(CodePipelineOperation.AcknowledgeThirdPartyJob);
            await client.AcknowledgeAsync(jobId, nonce, actionType.ClientToken);
            await client.AcknowledgeAsync(jobId, nonce, actionType.ClientToken);
            await client.PutFailureAsync(jobId, actionType.ClientToken, message: FailureMessage);
            await client.SendAsync("CodePipeline_20150709.Nope", $$"""{"clientToken":"{{WrongToken}}"}""");
            await client.SendAsync(EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs), "{", contentType: "application/json");
            client.SecretKey = "wrong";
            await client.PollAsync(actionType);
        }

        var logs = provider.AllText();
        string[] secrets =
        [
            clientToken, credential.SecretAccessKey, SessionToken, ConfigValue, ArtifactSecret, ArtifactToken, WrongToken, FailureMessage,
            .. nonces,
        ];
        Assert.Multiple(() =>
        {
            Assert.That(logs, Does.Contain(jobId), "the capture works and job ids are logged");
            Assert.That(logs, Does.Contain("InvalidSignatureException"));
            Assert.That(logs, Does.Contain("Throttle"));
            foreach (var secret in secrets)
            {
                Assert.That(logs, Does.Not.Contain(secret));
            }
        });
    }
}
