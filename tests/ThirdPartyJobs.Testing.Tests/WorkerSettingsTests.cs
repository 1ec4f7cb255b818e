using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Configuration;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class WorkerSettingsTests : EmulatorTest
{
    private const string DefaultWorkerSection = "ThirdPartyJobs:Worker";

    [Test]
    public void The_configuration_carries_the_endpoint_and_region_and_the_emulator_the_credential()
    {
        var configuration = Emulator.WorkerConfiguration(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That(configuration["AWS:ServiceURL"], Is.EqualTo(Emulator.ServiceUrl));
            Assert.That(configuration["AWS:Region"], Is.EqualTo(Emulator.Region));
            Assert.That(Emulator.Credential.AccessKeyId, Is.EqualTo(EmulatorCredential.Default.AccessKeyId));
            Assert.That(Emulator.Credential.SecretAccessKey, Is.EqualTo(EmulatorCredential.Default.SecretAccessKey));
            Assert.That(configuration[DefaultWorkerSection + ":ActionTypeId:Provider"], Is.EqualTo(ActionType.Provider));
        });
    }

    [Test]
    public void The_AWS_SDK_reads_the_endpoint_and_region_from_the_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Emulator.WorkerConfiguration(ActionType)).Build();

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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Emulator.WorkerConfiguration(ActionType)).Build();

        var worker = configuration.GetSection(DefaultWorkerSection).Get<WorkerSection>()!;

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

        var settings = Emulator.WorkerConfiguration(custom, "Workers:Compute");
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

        Assert.That(() => Emulator.WorkerConfiguration(foreign), Throws.ArgumentException.With.Property("ParamName").EqualTo("actionType"));
    }

    [Test]
    public void The_configuration_holds_no_credential()
    {
        var values = Emulator.WorkerConfiguration(ActionType).Values;

        Assert.Multiple(() =>
        {
            Assert.That(values, Does.Contain(Emulator.ServiceUrl).And.Contain(ActionType.ClientToken), "the client token is worker configuration");
            Assert.That(values, Has.None.Contains(Emulator.Credential.SecretAccessKey).And.None.Contains(Emulator.Credential.AccessKeyId));
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
