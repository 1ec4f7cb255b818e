using Microsoft.Extensions.DependencyInjection;
using ThirdPartyJobs;
using ThirdPartyJobs.Hosting;

// The README's "From custom action to third-party action": one handler, the action type's owner changed.
public static class CustomToThirdParty
{
    public static void Register(IServiceCollection developing, IServiceCollection published)
    {
        var services = developing;
        #region Snippet:CustomToThirdParty
        // In your own account: a custom action. No client token: the worker's IAM identity is the authority.
        services.AddThirdPartyJobWorker<BuildHandler>("build", options =>
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.Custom, "MyPartnerBuild", "1"));
        #endregion

        services = published;
        #region Snippet:CustomToThirdPartyPublished
        // Published: the same handler for a third-party action; client tokens come from your IClientTokenProvider.
        services.AddThirdPartyJobWorker<BuildHandler>("build", options =>
            options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyPartnerBuild", "1"));
        #endregion
    }
}
