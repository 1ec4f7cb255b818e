using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThirdPartyJobs.Hosting;
using ThirdPartyJobs.Hosting.DependencyInjection;
using ThirdPartyJobs.Hosting.Validation;
using ThirdPartyJobs.Hosting.Worker;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers hosted job workers for CodePipeline third-party actions.</summary>
public static class ThirdPartyJobWorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a hosted worker that polls for jobs of one action type and runs
    /// <typeparamref name="THandler"/> for each. The worker is named after the handler type
    /// (<c>typeof(THandler).Name</c>); use the overload with a name to run the same handler for
    /// several action types.
    /// </summary>
    /// <typeparam name="THandler">The job handler; resolved from a new scope per job (registered as scoped unless already registered).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the worker's options; <see cref="ThirdPartyJobWorkerOptions.ActionTypeId"/> is required.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException">A worker with the same name is registered already.</exception>
    public static IServiceCollection AddThirdPartyJobWorker<THandler>(this IServiceCollection services, Action<ThirdPartyJobWorkerOptions> configure)
        where THandler : class, IThirdPartyJobHandler
        => services.AddThirdPartyJobWorker<THandler>(typeof(THandler).Name, configure);

    /// <summary>
    /// Registers a hosted worker named <paramref name="name"/> that polls for jobs of one action
    /// type and runs <typeparamref name="THandler"/> for each. The name keys its options
    /// (<c>IOptionsMonitor&lt;ThirdPartyJobWorkerOptions&gt;.Get(name)</c>), its metrics' and logs'
    /// worker name and, optionally, its <see cref="IClientTokenProvider"/>, <see cref="IJobJournal"/>
    /// and <see cref="IJobRecoveryHandler"/> (keyed services).
    /// </summary>
    /// <typeparam name="THandler">The job handler; resolved from a new scope per job (registered as scoped unless already registered).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The worker's name, unique in the host.</param>
    /// <param name="configure">Sets the worker's options; <see cref="ThirdPartyJobWorkerOptions.ActionTypeId"/> is required.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a worker with that name is registered already.</exception>
    public static IServiceCollection AddThirdPartyJobWorker<THandler>(this IServiceCollection services, string name, Action<ThirdPartyJobWorkerOptions> configure)
        where THandler : class, IThirdPartyJobHandler
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddWorker<THandler>(services, name, builder => builder.Configure(configure));
    }

    /// <summary>
    /// Registers a hosted worker named <paramref name="name"/> whose options are bound from
    /// <paramref name="configuration"/> (e.g. <c>MaxConcurrency</c>, <c>JobTimeout</c>,
    /// <c>ClientTokens:&lt;clientId&gt;</c>) and then adjusted by <paramref name="configure"/>,
    /// which must set <see cref="ThirdPartyJobWorkerOptions.ActionTypeId"/>.
    /// </summary>
    /// <typeparam name="THandler">The job handler; resolved from a new scope per job (registered as scoped unless already registered).</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The worker's name, unique in the host.</param>
    /// <param name="configuration">The worker's configuration section.</param>
    /// <param name="configure">Sets what configuration cannot, such as the action type.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a worker with that name is registered already.</exception>
    public static IServiceCollection AddThirdPartyJobWorker<THandler>(this IServiceCollection services, string name, IConfiguration configuration, Action<ThirdPartyJobWorkerOptions> configure)
        where THandler : class, IThirdPartyJobHandler
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return AddWorker<THandler>(services, name, builder => builder.Bind(configuration).Configure(configure));
    }

    private static IServiceCollection AddWorker<THandler>(IServiceCollection services, string name, Action<OptionsBuilder<ThirdPartyJobWorkerOptions>> configureOptions)
        where THandler : class, IThirdPartyJobHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(WorkerRegistration) && descriptor.ImplementationInstance is WorkerRegistration existing && existing.Name == name)
            {
                throw new ArgumentException($"A job worker named '{name}' is registered already (handler {existing.HandlerType.Name}); give each worker its own name.", nameof(name));
            }
        }

        services.AddSingleton(new WorkerRegistration(name, typeof(THandler)));
        services.AddThirdPartyJobs();
        // Validated when the worker starts (not by ValidateOnStart): then a host whose start failed
        // on a bad setting still stops cleanly.
        configureOptions(services.AddOptions<ThirdPartyJobWorkerOptions>(name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThirdPartyJobWorkerOptions>, ThirdPartyJobWorkerOptionsValidator>());
        services.TryAddScoped<THandler>();
        services.AddSingleton<IHostedService>(provider => CreateWorker<THandler>(provider, name));
        return services;
    }

    private static ThirdPartyJobWorker CreateWorker<THandler>(IServiceProvider provider, string name)
        where THandler : class, IThirdPartyJobHandler
        => new(name, () => WorkerFactory.Build(provider, name, static scoped => scoped.GetRequiredService<THandler>()));
}
