#region Snippet:LocalS3Artifacts
using Microsoft.Extensions.DependencyInjection;
using ThirdPartyJobs.Testing;

static class LocalS3Artifacts
{
    /// <summary>Seeds a job whose artifacts are on a local S3 server, and points the artifacts package at it.</summary>
    public static async Task<LocalS3Server> SeedAsync(
        CodePipelineEmulator emulator, RegisteredActionType actionType, byte[] sourceZip, IServiceCollection services, CancellationToken cancellationToken)
    {
        var s3 = await LocalS3Server.StartAsync(["artifacts"], cancellationToken: cancellationToken); // needs Node.js
        await s3.PutObjectAsync("artifacts", "pipeline/source.zip", sourceZip, cancellationToken);
        emulator.CreateJob(actionType, new JobSpec
        {
            ArtifactCredentials = new EmulatorCredential(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, LocalS3Server.SessionToken), // the only key s3rver accepts
            InputArtifacts = { new ArtifactSpec("SourceOutput", "artifacts", "pipeline/source.zip") },
            OutputArtifacts = { new ArtifactSpec("BuildOutput", "artifacts", "pipeline/build.zip") },
            EncryptionKeyId = "arn:aws:kms:us-east-1:111122223333:key/test",
        });
        services.AddThirdPartyJobArtifacts(options => options.ServiceUrl = s3.ServiceUrl);
        return s3; // after the run: await s3.GetObjectAsync("artifacts", "pipeline/build.zip"); dispose it at the end
    }
}
#endregion
