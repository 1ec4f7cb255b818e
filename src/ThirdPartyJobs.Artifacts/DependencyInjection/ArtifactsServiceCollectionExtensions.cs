using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThirdPartyJobs;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Artifacts.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IJobArtifactsFactory"/> with dependency injection.</summary>
public static class ArtifactsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the artifact factory with options from the <c>"ThirdPartyJobs:Artifacts"</c> section of
    /// <paramref name="configuration"/>, and AWS settings from its <c>"AWS"</c> section (unless
    /// <c>AWSOptions</c> are registered already), as <c>AddThirdPartyJobs</c> does: without a
    /// <c>Region</c> of their own, artifacts use the AWS region. Options are validated when the host
    /// starts (an <see cref="OptionsValidationException"/> naming each bad key and its range).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobArtifacts(this IServiceCollection services, IConfiguration configuration) =>
        AddCore(AwsOptionsRegistration.Bind<ArtifactOptions>(services, configuration, ArtifactOptions.SectionName));

    /// <summary>
    /// Registers the artifact factory, configured in code; options are validated when the host starts.
    /// Without a <c>Region</c> of their own, artifacts use the region of the registered <c>AWSOptions</c>
    /// (else of the <c>"AWS"</c> section of a registered <see cref="IConfiguration"/>); a registered
    /// <see cref="TimeProvider"/> is the clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; optional.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobArtifacts(this IServiceCollection services, Action<ArtifactOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ArtifactOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        AwsOptionsRegistration.AddValidated<ArtifactOptions, ArtifactOptionsValidator>(services);

        // The pipeline's region, like the CodePipeline client's: a configuration step, so validation sees the result.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ArtifactOptions>, RegionFromAwsOptions>());
        services.TryAddSingleton<IJobArtifactsFactory>(provider => new JobArtifactsFactory(
            provider.GetRequiredService<IOptions<ArtifactOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>()));
        return services;
    }

    private sealed class RegionFromAwsOptions(IServiceProvider provider) : IPostConfigureOptions<ArtifactOptions>
    {
        public void PostConfigure(string? name, ArtifactOptions options)
        {
            if (options.Region is null)
            {
                options.Region = AwsOptionsRegistration.Resolve(provider)?.Region?.SystemName;
            }
        }
    }
}
