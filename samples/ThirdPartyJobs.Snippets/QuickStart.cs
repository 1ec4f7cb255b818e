// The README's quick start: a complete Program.cs for a job worker (dotnet new console, then add the packages).
#region Snippet:QuickStart
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs;
using ThirdPartyJobs.Hosting;

var builder = Host.CreateApplicationBuilder(args);

// AWS settings from the "AWS" section (AWS__Region, AWS__Profile, …), retries from "ThirdPartyJobs".
builder.Services.AddThirdPartyJobs(builder.Configuration);
builder.Services.AddThirdPartyJobWorker<BuildHandler>("build", options =>
{
    options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyPartnerBuild", "1");
    options.ClientTokens["<clientId>"] = "<clientToken>"; // or register an IClientTokenProvider (docs/worker.md)
});

await builder.Build().RunAsync();

sealed class BuildHandler : IThirdPartyJobHandler
{
    public Task<JobOutcome> HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        // Configuration values are secrets: read one explicitly; ToString and logs show only its key.
        var project = job.Data.Configuration.GetSecretValue("ProjectName");
        return Task.FromResult(JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {project}.")));
    }
}
#endregion
