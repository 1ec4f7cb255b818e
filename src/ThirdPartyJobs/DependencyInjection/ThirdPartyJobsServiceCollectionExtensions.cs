using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThirdPartyJobs;
using ThirdPartyJobs.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IThirdPartyJobClient"/> with dependency injection.</summary>
public static class ThirdPartyJobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client with settings from <paramref name="configuration"/>: AWS settings from
    /// its <c>"AWS"</c> section (unless <c>AWSOptions</c> are registered already), retry settings
    /// from <c>"ThirdPartyJobs"</c>. Settings are validated when the host starts (an
    /// <see cref="OptionsValidationException"/> naming each bad key and its range); a registered
    /// <see cref="TimeProvider"/> is the client's clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AwsOptionsRegistration.Bind<ThirdPartyJobsOptions>(services, configuration, ThirdPartyJobsOptions.SectionName);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client, configured in code (or with the default retry settings). AWS settings
    /// come from registered <c>AWSOptions</c> (<c>AddDefaultAWSOptions</c>), else the <c>"AWS"</c>
    /// section of a registered <see cref="IConfiguration"/>, else the SDK's defaults.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets retry and timeout options; null keeps the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobs(this IServiceCollection services, Action<ThirdPartyJobsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.AddOptions<ThirdPartyJobsOptions>().Configure(configure);
        }

        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        AwsOptionsRegistration.AddValidated<ThirdPartyJobsOptions, ThirdPartyJobsOptionsValidator>(services);
        services.TryAddSingleton<IThirdPartyJobClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value;
            return ThirdPartyJobClient.Create(AwsOptionsRegistration.Resolve(provider), options, provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>());
        });

        // Custom actions (owner: Custom) share the settings; the client is built only when first resolved.
        services.TryAddSingleton<ICustomJobClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value;
            return CustomJobClient.Create(AwsOptionsRegistration.Resolve(provider), options, provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>());
        });
        return services;
    }
}
