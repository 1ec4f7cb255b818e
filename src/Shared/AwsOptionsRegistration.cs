using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs;

/// <summary>
/// How every package registers its options: bound from its configuration section with the AWS
/// settings from the <c>"AWS"</c> section, validated by its own validator when the host starts, and
/// the AWS settings read back the same way. Shared source: linked into ThirdPartyJobs and ThirdPartyJobs.Artifacts.
/// </summary>
internal static class AwsOptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, and AWS settings to the <c>"AWS"</c> section unless <c>AWSOptions</c> are registered already; checks both arguments (every package's <c>Add…(services, configuration)</c> starts here).</summary>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection Bind<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddDefaultAWSOptions(configuration.GetAWSOptions());
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section));
        return services;
    }

    /// <summary>Registers <typeparamref name="TValidator"/> and validation when the host starts (an <see cref="OptionsValidationException"/> naming each bad key).</summary>
    public static OptionsBuilder<TOptions> AddValidated<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>The registered <c>AWSOptions</c>, else those of the <c>"AWS"</c> section of a registered configuration, else null (the SDK's defaults).</summary>
    public static Amazon.Extensions.NETCore.Setup.AWSOptions? Resolve(IServiceProvider provider) =>
        provider.GetService<Amazon.Extensions.NETCore.Setup.AWSOptions>() ?? provider.GetService<IConfiguration>()?.GetAWSOptions();
}
