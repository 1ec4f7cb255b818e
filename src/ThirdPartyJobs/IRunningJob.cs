namespace ThirdPartyJobs;

/// <summary>
/// A job that a worker has claimed and is working on: its id, its data and artifact credentials
/// that stay valid for as long as the job runs. The hosted worker's <c>JobContext</c> implements it;
/// the artifacts package reads a job's S3 artifacts through it, so it needs nothing but this package.
/// </summary>
public interface IRunningJob
{
    /// <summary>The job's id.</summary>
    string JobId { get; }

    /// <summary>The job's data as last fetched: action type, configuration (secret values), pipeline context, artifacts and encryption key.</summary>
    JobData Data { get; }

    /// <summary>
    /// Returns credentials for the job's artifacts, renewing them first when the ones at hand may
    /// have expired (the temporary credentials CodePipeline hands out expire before long jobs end).
    /// </summary>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>The credentials (secret; see <see cref="SessionCredentials"/>).</returns>
    Task<SessionCredentials> GetArtifactCredentialsAsync(CancellationToken cancellationToken = default);
}
