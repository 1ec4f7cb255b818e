using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// The local CodePipeline endpoint with a demo action type and job, for running the sample without AWS. With the
/// local S3 server the demo job's artifacts are real: credentials and bucket of <see cref="OfflineArtifactStore"/>.
/// </summary>
internal sealed class OfflineCodePipeline : IAsyncDisposable
{
    private OfflineCodePipeline(CodePipelineEmulator emulator, RegisteredActionType actionType, string demoJobId, OfflineArtifactStore? artifactStore)
    {
        Emulator = emulator;
        ArtifactStore = artifactStore;
        ActionType = actionType;
        DemoJobId = demoJobId;
    }

    public CodePipelineEmulator Emulator { get; }

    /// <summary>The local S3 server with the demo artifacts, or null when it is off or unavailable.</summary>
    public OfflineArtifactStore? ArtifactStore { get; }

    public RegisteredActionType ActionType { get; }

    public string DemoJobId { get; }

    public ActionTypeId ActionTypeId => new(ActionCategory.FromValue(ActionType.Category), ActionOwner.FromValue(ActionType.Owner), ActionType.Provider, ActionType.Version);

    /// <summary>
    /// AWS settings that point the client at the local endpoint, signed with its test keys. Everything is explicit, so
    /// nothing comes from the environment (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL, …).
    /// </summary>
    public AWSOptions AwsOptions => new()
    {
        Region = RegionEndpoint.GetBySystemName(Emulator.Region),
        Credentials = new BasicAWSCredentials(Emulator.Credential.AccessKeyId, Emulator.Credential.SecretAccessKey),
        DefaultClientConfig = { ServiceURL = Emulator.ServiceUrl, AuthenticationRegion = Emulator.Region, IgnoreConfiguredEndpointUrls = true },
    };

    /// <summary>The demo pipeline's KMS key for artifacts (<c>data.encryptionKey</c>).</summary>
    public const string KmsKeyId = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static async Task<OfflineCodePipeline> StartAsync(OfflineArtifactStore? artifactStore, CancellationToken cancellationToken)
    {
        var emulator = await CodePipelineEmulator.StartAsync(cancellationToken: cancellationToken);
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "ThirdPartyJobsDemo", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec
        {
            Configuration = new Dictionary<string, string>
            {
                ["ProjectName"] = "demo-project",
                ["ApiKey"] = DemoSecrets.ApiKey(),
            },
            PipelineName = "demo-pipeline",
            StageName = "Build",
            ActionName = "DemoPartnerBuild",
            ActionExecutionId = Guid.NewGuid().ToString(),
            InputArtifacts = [OfflineArtifactStore.Source],
            OutputArtifacts = [OfflineArtifactStore.Output("demo-pipeline/BuildOutput/build.zip")],

            // null: fake credentials that no S3 accepts, when there is no local S3 server.
            ArtifactCredentials = artifactStore is null ? null : new EmulatorCredential(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, LocalS3Server.SessionToken),
            EncryptionKeyId = KmsKeyId,
        });
        return new OfflineCodePipeline(emulator, actionType, jobId, artifactStore);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
