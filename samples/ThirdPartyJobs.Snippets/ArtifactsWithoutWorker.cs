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
        var job = await client.GetJobDetailsAsync(jobId, clientToken, cancellationToken);
        if (job?.Data is not { } data)
        {
            throw new InvalidOperationException("CodePipeline sent no job data.");
        }

        using IJobArtifacts artifacts = factory.Create(new FetchedJob(client, jobId, clientToken, data));
        await artifacts.DownloadInputAsync("SourceOutput", directory, cancellationToken);
    }
}

/// <summary>A job fetched with the client: its credentials are renewed when they are 10 minutes old.</summary>
sealed class FetchedJob(IThirdPartyJobClient client, string jobId, string clientToken, JobData data) : IRunningJob
{
    private DateTimeOffset _fetchedAt = DateTimeOffset.UtcNow;

    public string JobId => jobId;

    public JobData Data { get; private set; } = data;

    public async Task<SessionCredentials> GetArtifactCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (DateTimeOffset.UtcNow - _fetchedAt > TimeSpan.FromMinutes(10)
            && (await client.GetJobDetailsAsync(JobId, clientToken, cancellationToken))?.Data is { } fresh)
        {
            Data = fresh;
            _fetchedAt = DateTimeOffset.UtcNow;
        }

        return Data.ArtifactCredentials ?? throw new InvalidOperationException("CodePipeline sent no artifact credentials.");
    }
}
#endregion
