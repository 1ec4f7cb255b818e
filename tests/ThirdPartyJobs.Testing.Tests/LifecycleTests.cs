using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class LifecycleTests
{
    [Test]
    public async Task An_emulator_listens_on_a_free_loopback_port_with_the_default_test_credential()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        await using var other = await CodePipelineEmulator.StartAsync();

        Assert.Multiple(() =>
        {
            Assert.That(emulator.ServiceUrl, Does.Match(@"^http://127\.0\.0\.1:\d+$"));
            Assert.That(new Uri(emulator.ServiceUrl).Port, Is.Not.Zero);
            Assert.That(other.ServiceUrl, Is.Not.EqualTo(emulator.ServiceUrl));
            Assert.That(emulator.Region, Is.EqualTo("us-east-1"));
            Assert.That(emulator.Credential.AccessKeyId, Is.EqualTo(EmulatorCredential.Default.AccessKeyId));
            Assert.That(emulator.Credential.SecretAccessKey, Is.EqualTo(EmulatorCredential.Default.SecretAccessKey));
            Assert.That(emulator.Credential.SessionToken, Is.Null);
            Assert.That(emulator.TimeProvider, Is.SameAs(TimeProvider.System));
        });
    }

    [Test]
    public async Task A_default_emulator_serves_signed_requests_on_the_system_clock()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Deploy", "ThirdParty", "SystemClockProvider", "3");
        emulator.CreateJob(actionType);

        var jobId = await client.ClaimOneAsync(actionType);
        await client.PutSuccessAsync(jobId, actionType.ClientToken);

        await emulator.WaitForAllJobsTerminalAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }

    [Test]
    public async Task Credentials_listed_in_the_options_replace_the_default_one()
    {
        var mine = new EmulatorCredential("AKIAMYOWNTESTKEY0001", "my-own-secret");
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { Credentials = { mine } });
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "CredentialProvider", "1");

        var withMine = await client.PollAsync(actionType);
        client.AccessKeyId = EmulatorCredential.Default.AccessKeyId;
        client.SecretKey = EmulatorCredential.Default.SecretAccessKey;
        var withDefault = await client.PollAsync(actionType);

        Assert.Multiple(() =>
        {
            Assert.That(emulator.Credential.AccessKeyId, Is.EqualTo(mine.AccessKeyId));
            Assert.That(emulator.Credential.SecretAccessKey, Is.EqualTo(mine.SecretAccessKey));
            Assert.That((int)withMine.StatusCode, Is.EqualTo(200), withMine.ToString());
            Assert.That(withDefault.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
        });
    }

    [Test]
    public async Task Another_region_is_served_when_configured()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { Region = "eu-central-1" });
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "RegionProvider", "1");

        var right = await client.PollAsync(actionType);
        client.Region = "us-east-1";
        var wrong = await client.PollAsync(actionType);

        Assert.Multiple(() =>
        {
            Assert.That(emulator.Region, Is.EqualTo("eu-central-1"));
            Assert.That((int)right.StatusCode, Is.EqualTo(200), right.ToString());
            Assert.That(wrong.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        });
    }

    [Test]
    public async Task After_disposal_the_port_is_closed()
    {
        var emulator = await CodePipelineEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "DisposeProvider", "1");

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(async () => await client.PollAsync(actionType), Throws.InstanceOf<HttpRequestException>());
            Assert.That(() => emulator.CreateJob(actionType), Throws.InstanceOf<ObjectDisposedException>());
            Assert.That(() => emulator.WaitForAllJobsTerminalAsync(), Throws.InstanceOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task Disposal_drops_calls_held_by_a_delay()
    {
        var emulator = await CodePipelineEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "HeldProvider", "1");
        emulator.Faults.DelayNext(CodePipelineOperation.PollForThirdPartyJobs, TimeSpan.FromHours(1));
        var held = client.PollAsync(actionType);
        await Eventually.TrueAsync(() => emulator.Faults.PendingCount(CodePipelineOperation.PollForThirdPartyJobs) == 0, "the delay to start");

        await emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(async () => await held, Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Waiting_for_jobs_completes_at_once_without_jobs_and_honours_cancellation()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { TimeProvider = new FakeTimeProvider() });
        var none = emulator.WaitForAllJobsTerminalAsync();
        emulator.CreateJob(emulator.RegisterActionType("Build", "ThirdParty", "WaitProvider", "1"));
        using var cancel = new CancellationTokenSource();
        var waiting = emulator.WaitForAllJobsTerminalAsync(cancel.Token);

        await cancel.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(none.IsCompletedSuccessfully, Is.True);
            Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        });
    }

    [Test]
    public void Options_are_checked_at_start()
    {
        var twice = new CodePipelineEmulatorOptions { Credentials = { EmulatorCredential.Default, EmulatorCredential.Default } };

        Assert.Multiple(() =>
        {
            Assert.That(async () => await CodePipelineEmulator.StartAsync(twice), Throws.ArgumentException);
            Assert.That(async () => await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { MaxDispatchesPerJob = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(async () => await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { Region = " " }), Throws.ArgumentException);
            Assert.That(() => new EmulatorCredential("AKIA/SLASH", "secret"), Throws.ArgumentException);
        });
    }

    [Test]
    public async Task Action_types_are_checked_against_the_model_and_registered_once()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        var registered = emulator.RegisterActionType("Build", "ThirdParty", "Provider_1", "v-2", TimeSpan.FromMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(registered.JobTimeout, Is.EqualTo(TimeSpan.FromMinutes(3)));
            Assert.That(registered.ClientToken, Has.Length.InRange(1, 256));
            Assert.That(() => emulator.RegisterActionType("Build", "ThirdParty", "Provider_1", "v-2"), Throws.InvalidOperationException);
            Assert.That(() => emulator.RegisterActionType("Compile", "ThirdParty", "P", "1"), Throws.ArgumentException);
            Assert.That(() => emulator.RegisterActionType("Build", "Someone", "P", "1"), Throws.ArgumentException);
            Assert.That(() => emulator.RegisterActionType("Build", "ThirdParty", "has space", "1"), Throws.ArgumentException);
            Assert.That(() => emulator.RegisterActionType("Build", "ThirdParty", "P", "1234567890"), Throws.ArgumentException);
            Assert.That(() => emulator.RegisterActionType("Build", "ThirdParty", "P", "1", TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public async Task Job_specs_are_checked_against_the_model_without_echoing_configuration_values()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        await using var other = await CodePipelineEmulator.StartAsync();
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "SpecProvider", "1");
        var foreign = other.RegisterActionType("Build", "ThirdParty", "SpecProvider", "1");
        var secretValue = "top-secret-" + new string('v', 1000);

        Assert.Multiple(() =>
        {
            Assert.That(() => emulator.CreateJob(actionType, new JobSpec { PipelineName = "has spaces" }), Throws.ArgumentException);
            Assert.That(() => emulator.CreateJob(actionType, new JobSpec { InputArtifacts = { new ArtifactSpec("bad/name", "b", "k") } }), Throws.ArgumentException);
            Assert.That(() => emulator.CreateJob(actionType, new JobSpec { Configuration = { [new string('k', 51)] = "v" } }), Throws.ArgumentException);
            Assert.That(
                () => emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Key"] = secretValue } }),
                Throws.ArgumentException.With.Message.Not.Contains("top-secret"));
            Assert.That(() => emulator.CreateJob(foreign), Throws.ArgumentException);
            Assert.That(() => emulator.CreateJobWithRawData(actionType, "[1]"), Throws.ArgumentException);
            Assert.That(() => emulator.CreateJobWithRawData(actionType, "{"), Throws.ArgumentException);
            Assert.That(() => emulator.GetJob("no-such-job"), Throws.InstanceOf<KeyNotFoundException>());
            Assert.That(emulator.Jobs, Is.Empty);
        });
    }

    [Test]
    public async Task Descriptions_never_show_secrets()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "RedactProvider", "1");
        var credential = new EmulatorCredential("AKIAREDACT0000000001", "redact-secret", "redact-token");
        var artifacts = new EmulatorCredential("ASIAREDACT0000000001", "artifact-secret", "artifact-token");

        Assert.Multiple(() =>
        {
            Assert.That(actionType.ToString(), Does.Contain("RedactProvider").And.Contain(actionType.ClientId).And.Not.Contain(actionType.ClientToken));
            Assert.That(credential.ToString(), Does.StartWith("AKIA…").And.Not.Contain("AKIAREDACT0000000001").And.Not.Contain("redact-secret").And.Not.Contain("redact-token"));
            Assert.That(artifacts.ToString(), Does.Not.Contain("artifact-secret").And.Not.Contain("artifact-token"));
            Assert.That(EmulatorCredential.Default.ToString(), Does.Not.Contain(EmulatorCredential.Default.SecretAccessKey));
        });
    }
}
