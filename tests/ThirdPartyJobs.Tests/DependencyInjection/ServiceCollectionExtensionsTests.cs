using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace ThirdPartyJobs.Tests.DependencyInjection;

[TestFixture]
public sealed class ServiceCollectionExtensionsTests
{
    private string _profilesFile = null!;

    [SetUp]
    public void SetUp()
    {
        // A shared-credentials file, so that AWS settings (credentials included) can come from configuration alone.
        _profilesFile = Path.Combine(Path.GetTempPath(), $"tpj-credentials-{Guid.NewGuid():N}");
        File.WriteAllText(_profilesFile, "[tpj-test]\naws_access_key_id = AKIDPROFILEEXAMPLE01\naws_secret_access_key = profile-secret-key\n");
    }

    [TearDown]
    public void TearDown() => File.Delete(_profilesFile);

    private IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AWS:Profile"] = "tpj-test",
                ["AWS:ProfilesLocation"] = _profilesFile,
                ["AWS:Region"] = "eu-west-1",
            })
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();

    [Test]
    public void Binds_the_retry_section()
    {
        var configuration = Configuration(
            ("ThirdPartyJobs:Retry:MaxAttempts", "7"),
            ("ThirdPartyJobs:Retry:BaseDelay", "00:00:00.5"),
            ("ThirdPartyJobs:Retry:MaxDelay", "00:00:30"),
            ("ThirdPartyJobs:Retry:UseJitter", "false"),
            ("ThirdPartyJobs:Retry:AttemptTimeout", "00:00:05"),
            ("ThirdPartyJobs:Retry:OverallTimeout", "00:02:00"));
        using var provider = new ServiceCollection().AddThirdPartyJobs(configuration).BuildServiceProvider();

        var retry = provider.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value.Retry;

        Assert.Multiple(() =>
        {
            Assert.That(retry.MaxAttempts, Is.EqualTo(7));
            Assert.That(retry.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(retry.UseJitter, Is.False);
            Assert.That(retry.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(retry.OverallTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
        });
    }

    [Test]
    public void Reads_the_AWS_section_through_AWSOptions()
    {
        var configuration = Configuration(("AWS:ServiceURL", "http://127.0.0.1:4566"), ("AWS:AuthenticationRegion", "ap-southeast-2"));
        using var provider = new ServiceCollection().AddThirdPartyJobs(configuration).BuildServiceProvider();

        var aws = provider.GetRequiredService<AWSOptions>();

        Assert.That(aws.Region, Is.EqualTo(RegionEndpoint.EUWest1));
        Assert.That(aws.Profile, Is.EqualTo("tpj-test"));
        Assert.That(aws.DefaultClientConfig.ServiceURL, Is.EqualTo("http://127.0.0.1:4566/"), "the SDK normalizes the URL with a trailing slash");
        Assert.That(aws.DefaultClientConfig.AuthenticationRegion, Is.EqualTo("ap-southeast-2"));
    }

    [Test]
    public async Task The_registered_client_uses_the_AWS_section_end_to_end()
    {
        using var server = new CannedHttpServer();
        server.Reply(CannedResponse.Json(200, SampleResponses.AcknowledgedInProgress));
        var configuration = Configuration(("AWS:ServiceURL", server.BaseUrl), ("AWS:AuthenticationRegion", "ap-southeast-2"));
        await using var provider = new ServiceCollection().AddThirdPartyJobs(configuration).BuildServiceProvider();

        var client = provider.GetRequiredService<IThirdPartyJobClient>();
        var status = await client.AcknowledgeJobAsync("job-1", "1", "tok");

        var request = server.Requests.Single();
        var authorization = SigV4Verifier.Parse(request.Header("Authorization"));
        Assert.That(status, Is.SameAs(JobStatus.InProgress));
        Assert.That(authorization.AccessKeyId, Is.EqualTo("AKIDPROFILEEXAMPLE01"), "credentials from the profile named in configuration");
        Assert.That(authorization.Region, Is.EqualTo("ap-southeast-2"));
        Assert.That(SigV4Verifier.IsValid(request, "profile-secret-key"), Is.True);
    }

    [Test]
    public void Registered_AWSOptions_win_over_the_AWS_section()
    {
        var mine = new AWSOptions { Region = RegionEndpoint.APNortheast1 };
        var services = new ServiceCollection().AddDefaultAWSOptions(mine);

        using var provider = services.AddThirdPartyJobs(Configuration()).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<AWSOptions>(), Is.SameAs(mine));
    }

    [Test]
    public void A_user_registered_client_wins_whatever_the_order()
    {
        var mine = Mock.Of<IThirdPartyJobClient>();

        using var before = new ServiceCollection().AddSingleton(mine).AddThirdPartyJobs(Configuration()).BuildServiceProvider();
        using var after = new ServiceCollection().AddThirdPartyJobs(Configuration()).AddSingleton(mine).BuildServiceProvider();

        Assert.That(before.GetRequiredService<IThirdPartyJobClient>(), Is.SameAs(mine));
        Assert.That(after.GetRequiredService<IThirdPartyJobClient>(), Is.SameAs(mine));
    }

    [Test]
    public void The_client_is_a_singleton_and_registering_twice_adds_nothing()
    {
        var services = new ServiceCollection().AddThirdPartyJobs(Configuration()).AddThirdPartyJobs(Configuration());
        using var provider = services.BuildServiceProvider();

        Assert.That(services.Count(d => d.ServiceType == typeof(IThirdPartyJobClient)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(IValidateOptions<ThirdPartyJobsOptions>)), Is.EqualTo(1));
        var client = provider.GetRequiredService<IThirdPartyJobClient>();
        Assert.That(client, Is.TypeOf<CodePipelineThirdPartyJobClient>());
        Assert.That(provider.GetRequiredService<IThirdPartyJobClient>(), Is.SameAs(client));
    }

    [Test]
    public void Invalid_options_fail_at_host_start_naming_the_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThirdPartyJobs(Configuration(("ThirdPartyJobs:Retry:MaxAttempts", "0"), ("ThirdPartyJobs:Retry:AttemptTimeout", "00:00:00")));
        using var host = builder.Build();

        var error = Assert.CatchAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("ThirdPartyJobs:Retry:MaxAttempts"));
        Assert.That(error.Message, Does.Contain("ThirdPartyJobs:Retry:AttemptTimeout"));
    }

    [Test]
    public async Task Valid_options_let_the_host_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThirdPartyJobs(Configuration(("ThirdPartyJobs:Retry:MaxAttempts", "3")));
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.That(host.Services.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value.Retry.MaxAttempts, Is.EqualTo(3));
    }

    [Test]
    public void Options_configured_in_code_are_validated_at_start_too()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThirdPartyJobs(options => options.Retry.OverallTimeout = TimeSpan.FromHours(2));
        using var host = builder.Build();

        var error = Assert.CatchAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("ThirdPartyJobs:Retry:OverallTimeout"));
    }

    [Test]
    public async Task Code_configuration_uses_registered_AWSOptions()
    {
        using var server = new CannedHttpServer();
        server.Reply(CannedResponse.Json(200, SampleResponses.NoJobs));
        var services = new ServiceCollection()
            .AddDefaultAWSOptions(new AWSOptions
            {
                Credentials = new BasicAWSCredentials("AKIDCODEEXAMPLE00001", "code-secret"),
                DefaultClientConfig = { ServiceURL = server.BaseUrl, AuthenticationRegion = "sa-east-1" },
            })
            .AddThirdPartyJobs(options => options.Retry.MaxAttempts = 2);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IThirdPartyJobClient>().PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1);

        Assert.That(SigV4Verifier.Parse(server.Requests.Single().Header("Authorization")).Region, Is.EqualTo("sa-east-1"));
        Assert.That(provider.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value.Retry.MaxAttempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_registered_TimeProvider_drives_the_backoff()
    {
        using var server = new CannedHttpServer();
        server.Reply(CannedResponse.Error(400, "ThrottlingException"), CannedResponse.Json(200, SampleResponses.NoJobs));
        var time = new ObservableTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddThirdPartyJobs(Configuration(("AWS:ServiceURL", server.BaseUrl), ("ThirdPartyJobs:Retry:UseJitter", "false")));
        await using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<IThirdPartyJobClient>().PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1"), 1);
        var delay = await time.NextScheduledAsync(due => due == TimeSpan.FromMilliseconds(200));
        Assert.That(server.Requests, Has.Count.EqualTo(1), "the retry waits for the fake clock");
        time.Advance(delay);

        Assert.That(await call.WaitAsync(TimeSpan.FromSeconds(10)), Is.Empty);
        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddThirdPartyJobs(Configuration()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddThirdPartyJobs((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddThirdPartyJobs());
    }
}
