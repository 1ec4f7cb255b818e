using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Artifacts;

/// <summary>Artifacts for a job run by the hosted worker (<c>ThirdPartyJobs.Hosting</c>).</summary>
public static class JobContextArtifactsExtensions
{
    /// <summary>
    /// Returns the artifacts of the worker's job <paramref name="context"/>, reached with the job's own
    /// credentials from <see cref="JobContext.GetArtifactCredentialsAsync"/>: before each operation, credentials
    /// older than the worker's <c>CredentialsRefreshAge</c> are renewed with another
    /// <c>GetThirdPartyJobDetails</c> or <c>GetJobDetails</c> call, so long jobs keep working after the first credentials expire.
    /// </summary>
    /// <example>
    /// <code>
    /// public async Task&lt;JobOutcome&gt; HandleAsync(JobContext job, CancellationToken cancellationToken)
    /// {
    ///     using var artifacts = _artifactsFactory.CreateArtifacts(job);
    ///     await artifacts.DownloadInputAsync("SourceOutput", sourceDirectory, cancellationToken);
    ///     // … build …
    ///     await artifacts.UploadOutputAsync("BuildOutput", outputDirectory, cancellationToken);
    ///     return JobOutcome.Succeeded();
    /// }
    /// </code>
    /// </example>
    /// <param name="factory">The artifact factory (registered by <c>AddThirdPartyJobArtifacts</c>).</param>
    /// <param name="context">The job, as the worker hands it to the handler.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    /// <exception cref="ArgumentException">The job carries no artifact credentials.</exception>
    public static IJobArtifacts CreateArtifacts(this IJobArtifactsFactory factory, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Data.ArtifactCredentials is null)
        {
            throw new ArgumentException($"Job {context.JobId} carries no artifact credentials; CodePipeline sends them with the job's data.", nameof(context));
        }

        // Either kind of job (custom or third-party): the context renews credentials through the right API.
        return factory.Create(context.JobId, context.Data, cancellationToken => new ValueTask<SessionCredentials>(context.GetArtifactCredentialsAsync(cancellationToken)));
    }
}
