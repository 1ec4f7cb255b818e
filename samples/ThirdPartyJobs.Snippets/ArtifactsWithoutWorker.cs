#region Snippet:ArtifactsWithoutWorker
using Microsoft.Extensions.Logging;
using ThirdPartyJobs;
using ThirdPartyJobs.Artifacts;

static class ArtifactsWithoutWorker
{
    public static async Task DownloadSourceAsync(
        IThirdPartyJobClient client, string jobId, string clientToken, string directory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var factory = new JobArtifactsFactory(new ArtifactOptions { Region = "eu-west-1" }, loggerFactory);
        JobDetails job = await client.GetJobDetailsAsync(jobId, clientToken, cancellationToken)
            ?? throw new InvalidOperationException("CodePipeline sent no job details.");

        // A source of fresh credentials for long jobs: asked before each operation (so it caches here) and again
        // when S3 says ExpiredToken. factory.Create(job) alone uses the credentials the job carries.
        var credentials = job.Data?.ArtifactCredentials!;
        var fetchedAt = DateTimeOffset.UtcNow;
        using IJobArtifacts artifacts = factory.Create(job, async ct =>
        {
            if (DateTimeOffset.UtcNow - fetchedAt > TimeSpan.FromMinutes(10))
            {
                credentials = (await client.GetJobDetailsAsync(jobId, clientToken, ct))?.Data?.ArtifactCredentials!;
                fetchedAt = DateTimeOffset.UtcNow;
            }

            return credentials;
        });
        await artifacts.DownloadInputAsync("SourceOutput", directory, cancellationToken);
    }
}
#endregion
