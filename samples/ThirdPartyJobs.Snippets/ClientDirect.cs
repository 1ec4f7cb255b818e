#region Snippet:ClientDirect
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using ThirdPartyJobs;

static class DirectClient
{
    public static async Task<IReadOnlyList<ThirdPartyJob>> PollAsync(CancellationToken cancellationToken)
    {
        using var client = ThirdPartyJobClient.Create(
            new AWSOptions { Region = RegionEndpoint.USEast1 },         // null: the SDK's defaults
            new ThirdPartyJobsOptions { Retry = { MaxAttempts = 3 } }); // null: the defaults
        var actionType = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "MyPartnerBuild", "1");
        return await client.PollForJobsAsync(actionType, maxBatchSize: 10, cancellationToken);
    }
}
#endregion
