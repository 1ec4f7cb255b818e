#region Snippet:ArtifactsHandler
using ThirdPartyJobs;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Hosting;

sealed class ArtifactBuildHandler(IJobArtifactsFactory artifactsFactory) : IThirdPartyJobHandler
{
    public async Task<JobOutcome> HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        // The job's own credentials, renewed through the worker when they get old.
        using var artifacts = artifactsFactory.Create(job);
        var work = Directory.CreateTempSubdirectory("build-");
        try
        {
            var source = Path.Combine(work.FullName, "src");
            var output = Directory.CreateDirectory(Path.Combine(work.FullName, "out")).FullName;
            var input = await artifacts.DownloadInputAsync("SourceOutput", source, cancellationToken);

            // … build from source into output; here, a one-line summary …
            await File.WriteAllTextAsync(Path.Combine(output, "summary.txt"), $"{input.FileCount} files", cancellationToken);

            var uploaded = await artifacts.UploadOutputAsync("BuildOutput", output, cancellationToken);
            return JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {input.FileCount} files into {uploaded.ObjectKey}."));
        }
        finally
        {
            work.Delete(recursive: true); // the temporary folder never outlives the job
        }
    }
}
#endregion
