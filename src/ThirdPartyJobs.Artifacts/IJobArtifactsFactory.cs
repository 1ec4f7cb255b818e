namespace ThirdPartyJobs.Artifacts;

/// <summary>Creates the <see cref="IJobArtifacts"/> of a job. Register one (<c>AddThirdPartyJobArtifacts</c>) or create a <see cref="JobArtifactsFactory"/>; mock it in tests.</summary>
public interface IJobArtifactsFactory
{
    /// <summary>Returns the artifacts of <paramref name="job"/>, reached with the credentials the job carries (<see cref="JobData.ArtifactCredentials"/>), never renewed.</summary>
    /// <param name="job">The job, as returned by <c>GetJobDetailsAsync</c>.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    /// <exception cref="ArgumentException">The job carries no artifact credentials.</exception>
    IJobArtifacts Create(JobDetails job);

    /// <summary>
    /// Returns the artifacts of a running <paramref name="job"/> (the hosted worker's <c>JobContext</c>, or
    /// your own <see cref="IRunningJob"/>), reached with credentials from
    /// <see cref="IRunningJob.GetArtifactCredentialsAsync"/>: asked before each operation and once more when
    /// S3 says the credentials expired, so long jobs keep working after the first credentials expire. The
    /// job should cache, and return fresh credentials when the ones it handed out have expired.
    /// </summary>
    /// <example>
    /// <code>
    /// public async Task&lt;JobOutcome&gt; HandleAsync(JobContext job, CancellationToken cancellationToken)
    /// {
    ///     using var artifacts = _artifactsFactory.Create(job);
    ///     await artifacts.DownloadInputAsync("SourceOutput", sourceDirectory, cancellationToken);
    ///     // … build …
    ///     await artifacts.UploadOutputAsync("BuildOutput", outputDirectory, cancellationToken);
    ///     return JobOutcome.Succeeded();
    /// }
    /// </code>
    /// </example>
    /// <param name="job">The running job.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    /// <exception cref="ArgumentException">The job carries no artifact credentials.</exception>
    IJobArtifacts Create(IRunningJob job);
}
