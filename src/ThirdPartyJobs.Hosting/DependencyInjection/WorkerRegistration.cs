namespace ThirdPartyJobs.Hosting.DependencyInjection;

/// <summary>Marks a registered worker name, so that two workers cannot share one (and one set of options).</summary>
internal sealed record WorkerRegistration(string Name, Type HandlerType);
