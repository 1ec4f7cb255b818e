using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Sample;

/// <summary>The local CodePipeline endpoint with a demo action type and job, for running the sample without AWS.</summary>
internal sealed class OfflineCodePipeline : IAsyncDisposable
{
    private OfflineCodePipeline(CodePipelineEmulator emulator, RegisteredActionType actionType, string demoJobId)
    {
        Emulator = emulator;
        ActionType = actionType;
        DemoJobId = demoJobId;
    }

    public CodePipelineEmulator Emulator { get; }

    public RegisteredActionType ActionType { get; }

    public string DemoJobId { get; }

    public ActionTypeId ActionTypeId => new(ActionType.Category, ActionType.Owner, ActionType.Provider, ActionType.Version);

    /// <summary>AWS settings that point the client at the local endpoint, signed with its test keys.</summary>
    public AWSOptions AwsOptions => new()
    {
        Region = RegionEndpoint.GetBySystemName(Emulator.Region),
        Credentials = new BasicAWSCredentials(Emulator.AccessKeyId, Emulator.SecretAccessKey),
        DefaultClientConfig = { ServiceURL = Emulator.ServiceUrl, AuthenticationRegion = Emulator.Region },
    };

    public static async Task<OfflineCodePipeline> StartAsync(CancellationToken cancellationToken)
    {
        var emulator = await CodePipelineEmulator.StartAsync(cancellationToken: cancellationToken);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "ThirdPartyJobsDemo", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec
        {
            Configuration = new Dictionary<string, string>
            {
                ["ProjectName"] = "demo-project",
                ["ApiKey"] = "demo-api-key-" + Guid.NewGuid().ToString("N"),
            },
            PipelineName = "demo-pipeline",
            StageName = "Build",
            ActionName = "DemoPartnerBuild",
            ActionExecutionId = Guid.NewGuid().ToString(),
            InputArtifacts = [new ArtifactSpec("SourceOutput", "demo-artifact-bucket", "demo-pipeline/SourceOutput/source.zip", "8d2c1f0")],
            OutputArtifacts = [new ArtifactSpec("BuildOutput", "demo-artifact-bucket", "demo-pipeline/BuildOutput/build.zip")],
            EncryptionKeyId = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        });
        return new OfflineCodePipeline(emulator, actionType, jobId);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
