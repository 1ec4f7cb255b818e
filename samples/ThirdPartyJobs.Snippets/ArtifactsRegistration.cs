#region Snippet:ArtifactsRegistration
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs;

static class ArtifactsRegistration
{
    public static void AddArtifactBuildWorker(HostApplicationBuilder builder)
    {
        builder.Services.AddThirdPartyJobs(builder.Configuration);
        builder.Services.AddThirdPartyJobArtifacts(builder.Configuration); // "ThirdPartyJobs:Artifacts" section
        builder.Services.AddThirdPartyJobWorker<ArtifactBuildHandler>("build", options =>
        {
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyPartnerBuild", "1");
            options.ClientTokens["<clientId>"] = "<clientToken>";
        });
    }
}
#endregion
