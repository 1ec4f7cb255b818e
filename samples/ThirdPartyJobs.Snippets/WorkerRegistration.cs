#region Snippet:WorkerRegistration
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs;
using ThirdPartyJobs.Hosting;

static class WorkerRegistration
{
    public static void AddBuildWorker(HostApplicationBuilder builder)
    {
        builder.Services.AddThirdPartyJobs(builder.Configuration);
        builder.Services.AddSingleton<IClientTokenProvider, ConfigurationClientTokenProvider>();
        builder.Services.AddThirdPartyJobWorker<BuildHandler>("build", options =>
        {
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyPartnerBuild", "1");
            options.MaxConcurrency = 8;
            options.JobTimeout = TimeSpan.FromHours(1); // the action type's job timeout in CodePipeline
            options.TimeoutSafetyMargin = TimeSpan.FromSeconds(30);
            options.ShutdownGracePeriod = TimeSpan.FromSeconds(20);
        });
    }
}
#endregion
