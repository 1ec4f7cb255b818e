#region Snippet:ClientInCode
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.DependencyInjection;

static class ClientInCode
{
    public static void Register(IServiceCollection services)
    {
        services.AddDefaultAWSOptions(new AWSOptions { Region = RegionEndpoint.EUWest1, Profile = "partner" });
        services.AddThirdPartyJobs(options =>
        {
            options.Retry.MaxAttempts = 3;
            options.Retry.OverallTimeout = TimeSpan.FromSeconds(30);
        });
    }
}
#endregion
