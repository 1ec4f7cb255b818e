#region Snippet:EmulatorTest
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NUnit.Framework;
using ThirdPartyJobs;
using ThirdPartyJobs.Testing;

public sealed class BuildWorkerTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task The_worker_builds_a_job_end_to_end(CancellationToken cancellationToken)
    {
        await using var emulator = await CodePipelineEmulator.StartAsync(cancellationToken: cancellationToken);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "MyPartnerBuild", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec { Configuration = { ["ProjectName"] = "demo" } });

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDefaultAWSOptions(new AWSOptions // the client talks to the emulator, signed with its keys
        {
            Region = RegionEndpoint.GetBySystemName(emulator.Region),
            Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
            DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
        });
        builder.Services.AddThirdPartyJobs();
        builder.Services.AddThirdPartyJobWorker<BuildHandler>("build", options =>
        {
            // The worker polls for the emulator's action type and answers with its client token.
            options.ActionTypeId = new ActionTypeId(ActionCategory.FromValue(actionType.Category), ActionOwner.FromValue(actionType.Owner), actionType.Provider, actionType.Version);
            options.ClientTokens[actionType.ClientId] = actionType.ClientToken;
            options.MinPollInterval = TimeSpan.FromMilliseconds(50);
        });
        using var host = builder.Build();

        await host.StartAsync(cancellationToken);
        await emulator.WaitForAllJobsTerminalAsync(cancellationToken);
        await host.StopAsync(cancellationToken);

        Assert.That(emulator.Results.Single(result => result.JobId == jobId).Succeeded, Is.True);
    }
}
#endregion
