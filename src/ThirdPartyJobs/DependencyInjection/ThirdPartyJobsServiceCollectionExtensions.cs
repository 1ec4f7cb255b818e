using Amazon.Extensions.NETCore.Setup;
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
    /// from <c>"ThirdPartyJobs"</c>. Settings are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddDefaultAWSOptions(configuration.GetAWSOptions());
        services.AddOptions<ThirdPartyJobsOptions>().Bind(configuration.GetSection(ThirdPartyJobsOptions.SectionName));
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client with default retry settings. AWS settings come from registered
    /// <c>AWSOptions</c> (<c>AddDefaultAWSOptions</c>), else the <c>"AWS"</c> section of a
    /// registered <see cref="IConfiguration"/>, else the SDK's defaults.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client, configured in code. AWS settings come from registered
    /// <c>AWSOptions</c> (<c>AddDefaultAWSOptions</c>), else the <c>"AWS"</c> section of a
    /// registered <see cref="IConfiguration"/>, else the SDK's defaults.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets retry and timeout options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddThirdPartyJobs(this IServiceCollection services, Action<ThirdPartyJobsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ThirdPartyJobsOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<ThirdPartyJobsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThirdPartyJobsOptions>, ThirdPartyJobsOptionsValidator>());
        services.TryAddSingleton<IThirdPartyJobClient>(provider =>
        {
            var (awsOptions, options) = Settings(provider);
            return new ThirdPartyJobClient(awsOptions, options, provider.GetService<ILoggerFactory>());
        });

        // Custom actions (owner: Custom) share the settings; the client is built only when first resolved.
        services.TryAddSingleton<ICustomJobClient>(provider =>
        {
            var (awsOptions, options) = Settings(provider);
            return new CustomJobClient(awsOptions, options, provider.GetService<ILoggerFactory>());
        });
        return services;
    }

    private static (AWSOptions? AwsOptions, ThirdPartyJobsOptions Options) Settings(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<ThirdPartyJobsOptions>>().Value;
        if (options.TimeProvider is null && provider.GetService<TimeProvider>() is { } timeProvider)
        {
            options.TimeProvider = timeProvider;
        }

        return (provider.GetService<AWSOptions>() ?? provider.GetService<IConfiguration>()?.GetAWSOptions(), options);
    }
}
