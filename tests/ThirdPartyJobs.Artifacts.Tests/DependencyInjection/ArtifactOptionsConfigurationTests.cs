using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThirdPartyJobs.Artifacts.Validation;

namespace ThirdPartyJobs.Artifacts.Tests.DependencyInjection;

/// <summary>Artifact options from configuration: the AWS region like the CodePipeline client, one message per mistake naming key and range, the clock outside the options.</summary>
public sealed class ArtifactOptionsConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public void Without_a_region_of_their_own_artifacts_use_the_AWS_sections_region()
    {
        using var provider = new ServiceCollection().AddThirdPartyJobArtifacts(Configuration(("AWS:Region", "eu-west-3"))).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<ArtifactOptions>>().Value.Region, Is.EqualTo("eu-west-3"));
    }

    [Test]
    public void An_artifacts_region_wins_over_the_AWS_one()
    {
        using var provider = new ServiceCollection()
            .AddThirdPartyJobArtifacts(Configuration(("AWS:Region", "eu-west-3"), ("ThirdPartyJobs:Artifacts:Region", "ap-south-1")))
            .BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<ArtifactOptions>>().Value.Region, Is.EqualTo("ap-south-1"));
    }

    [Test]
    public void Without_any_region_the_SDKs_resolution_is_left_alone()
    {
        using var provider = new ServiceCollection().AddThirdPartyJobArtifacts(Configuration()).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<ArtifactOptions>>().Value.Region, Is.Null);
    }

    [Test]
    public void A_bad_retry_setting_fails_host_start_naming_the_key_and_range()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThirdPartyJobArtifacts(Configuration(("ThirdPartyJobs:Artifacts:Retry:MaxAttempts", "0")));
        using var host = builder.Build();

        var error = Assert.CatchAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Failures, Is.EqualTo(new[] { "ThirdPartyJobs:Artifacts:Retry:MaxAttempts must be between 1 and 20." }));
    }

    [Test]
    public void Nested_limits_are_validated_by_the_generated_validator_with_their_keys()
    {
        var options = new ArtifactOptions { PartSize = 1024 };
        options.ArchiveLimits.MaxCompressionRatio = 0.5;

        Assert.That(ArtifactOptionsValidator.GetFailures(options), Is.EquivalentTo(new[]
        {
            $"ThirdPartyJobs:Artifacts:PartSize must be between {ArtifactOptions.MinimumPartSize} and {512 * 1024 * 1024}.",
            $"ThirdPartyJobs:Artifacts:ArchiveLimits:MaxCompressionRatio must be between 1 and {double.MaxValue}.",
        }));
    }

    [Test]
    public void Transfers_get_longer_timeouts_than_CodePipeline_calls_from_the_same_retry_type()
    {
        var options = new ArtifactOptions();
        options.Retry.AttemptTimeout = TimeSpan.FromMinutes(30);

        Assert.Multiple(() =>
        {
            Assert.That(new ArtifactOptions().Retry.AttemptTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(new ArtifactOptions().Retry.OverallTimeout, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(new ArtifactOptions().Retry.MaxAttempts, Is.EqualTo(5));
            Assert.That(ArtifactOptionsValidator.GetFailures(options), Is.Empty, "a 30-minute attempt suits a large part");
            Assert.That(typeof(ArtifactOptions).GetProperties().Select(p => p.PropertyType), Has.None.AssignableTo<TimeProvider>(), "the clock is a constructor argument, never an option");
        });
    }

    [Test]
    public void Null_sections_are_reported_by_key()
    {
        var failures = ArtifactOptionsValidator.GetFailures(new ArtifactOptions { Retry = null!, ArchiveLimits = null! });

        Assert.That(failures, Is.EquivalentTo(new[] { "ThirdPartyJobs:Artifacts:Retry must not be null.", "ThirdPartyJobs:Artifacts:ArchiveLimits must not be null." }));
    }
}
