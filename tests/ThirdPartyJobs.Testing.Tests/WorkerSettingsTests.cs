using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Configuration;
using ThirdPartyJobs.Testing.Tests.Support;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class WorkerSettingsTests : EmulatorTest
{
    [Test]
    public void The_settings_carry_the_endpoint_region_credential_and_action_type()
    {
        var settings = Emulator.CreateWorkerSettings(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That(settings.ServiceUrl, Is.EqualTo(Emulator.ServiceUrl));
            Assert.That(settings.Region, Is.EqualTo(Emulator.Region));
            Assert.That(settings.Credential.AccessKeyId, Is.EqualTo(Emulator.AccessKeyId));
            Assert.That(settings.Credential.SecretAccessKey, Is.EqualTo(Emulator.SecretAccessKey));
            Assert.That(settings.ActionType, Is.SameAs(ActionType));
        });
    }

    [Test]
    public void The_AWS_SDK_reads_the_endpoint_and_region_from_the_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Emulator.CreateWorkerSettings(ActionType).ToConfiguration()).Build();

        var aws = configuration.GetAWSOptions();

        Assert.Multiple(() =>
        {
            Assert.That(aws.DefaultClientConfig.ServiceURL, Is.EqualTo(Emulator.ServiceUrl + "/"), "the SDK normalizes the URL with a trailing slash");
            Assert.That(aws.DefaultClientConfig.AuthenticationRegion, Is.EqualTo(Emulator.Region));
            Assert.That(aws.Region?.SystemName, Is.EqualTo(Emulator.Region));
            Assert.That(aws.Credentials, Is.Null, "keys never travel in configuration");
        });
    }

    [Test]
    public void A_third_party_worker_section_binds_the_action_type_and_the_client_token()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Emulator.CreateWorkerSettings(ActionType).ToConfiguration()).Build();

        var worker = configuration.GetSection(EmulatorWorkerSettings.DefaultWorkerSection).Get<WorkerSection>()!;

        Assert.Multiple(() =>
        {
            Assert.That(worker.ActionTypeId, Is.EqualTo(new ActionTypeSection { Category = "Build", Owner = "ThirdParty", Provider = "TestProvider", Version = "1" }));
            Assert.That(worker.ClientTokens, Is.EqualTo(new Dictionary<string, string> { [ActionType.ClientId] = ActionType.ClientToken }));
        });
    }

    [Test]
    public void A_custom_worker_section_has_no_client_token_and_the_section_can_be_chosen()
    {
        var custom = Emulator.RegisterActionType("Compute", "Custom", "MyCompute", "3");

        var settings = Emulator.CreateWorkerSettings(custom).ToConfiguration("Workers:Compute");
        var worker = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Workers:Compute").Get<WorkerSection>()!;

        Assert.Multiple(() =>
        {
            Assert.That(worker.ActionTypeId, Is.EqualTo(new ActionTypeSection { Category = "Compute", Owner = "Custom", Provider = "MyCompute", Version = "3" }));
            Assert.That(worker.ClientTokens, Is.Empty);
            Assert.That(settings.Keys, Has.None.Contains("ClientTokens"));
            Assert.That(settings.Values, Has.None.EqualTo(custom.ClientToken));
        });
    }

    [Test]
    public async Task An_action_type_of_another_emulator_is_refused()
    {
        await using var other = await CodePipelineEmulator.StartAsync();
        var foreign = other.RegisterActionType("Build", "ThirdParty", "Elsewhere", "1");

        Assert.That(() => Emulator.CreateWorkerSettings(foreign), Throws.ArgumentException.With.Property("ParamName").EqualTo("actionType"));
    }

    [Test]
    public void ToString_shows_no_secret()
    {
        var text = Emulator.CreateWorkerSettings(ActionType).ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(Emulator.ServiceUrl).And.Contain(ActionType.ClientId));
            Assert.That(text, Does.Not.Contain(ActionType.ClientToken).And.Not.Contain(Emulator.SecretAccessKey).And.Not.Contain(Emulator.AccessKeyId));
        });
    }

    // The shape of the worker's options (ThirdPartyJobWorkerOptions.ActionTypeId and .ClientTokens), which this
    // package does not reference: the keys must bind to members of these names.
    private sealed class WorkerSection
    {
        public ActionTypeSection? ActionTypeId { get; set; }

        public Dictionary<string, string> ClientTokens { get; } = new(StringComparer.Ordinal);
    }

    private sealed record ActionTypeSection
    {
        public string? Category { get; set; }

        public string? Owner { get; set; }

        public string? Provider { get; set; }

        public string? Version { get; set; }
    }
}
