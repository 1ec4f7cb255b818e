using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Artifacts.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IJobArtifactsFactory"/> with dependency injection.</summary>
public static class ArtifactsServiceCollectionExtensions
{
    /// <summary>Registers the artifact factory with options from the <c>"ThirdPartyJobs:Artifacts"</c> section of <paramref name="configuration"/>, validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobArtifacts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ArtifactOptions>().Bind(configuration.GetSection(ArtifactOptions.SectionName));
        return AddCore(services);
    }

    /// <summary>Registers the artifact factory, configured in code; options are validated when the host starts.</summary>
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
        services.AddOptions<ArtifactOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArtifactOptions>, ArtifactOptionsValidator>());
        services.TryAddSingleton<IJobArtifactsFactory>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArtifactOptions>>().Value;
            if (options.TimeProvider is null && provider.GetService<TimeProvider>() is { } timeProvider)
            {
                options.TimeProvider = timeProvider;
            }

            return new JobArtifactsFactory(options, provider.GetService<ILoggerFactory>());
        });
        return services;
    }
}
