namespace ThirdPartyJobs.Artifacts;

/// <summary>Creates the <see cref="IJobArtifacts"/> of a job. Register one (<c>AddThirdPartyJobArtifacts</c>) or create a <see cref="JobArtifactsFactory"/>; mock it in tests.</summary>
public interface IJobArtifactsFactory
{
    /// <summary>Returns the artifacts of <paramref name="job"/>, reached with the credentials the job carries (<see cref="JobData.ArtifactCredentials"/>).</summary>
    /// <param name="job">The job, as returned by <c>GetJobDetailsAsync</c>.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    /// <exception cref="ArgumentException">The job carries no artifact credentials.</exception>
    IJobArtifacts Create(JobDetails job);

    /// <summary>
    /// Returns the artifacts of <paramref name="job"/>, reached with credentials from
    /// <paramref name="credentialsSource"/>. The source is asked before each operation and once more
    /// when S3 says the credentials expired; it should cache, and return fresh credentials (e.g. from
    /// a new <c>GetThirdPartyJobDetails</c> call) when the ones it handed out have expired.
    /// </summary>
    /// <param name="job">The job, as returned by <c>GetJobDetailsAsync</c>.</param>
    /// <param name="credentialsSource">Supplies the job's current artifact credentials.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    IJobArtifacts Create(JobDetails job, Func<CancellationToken, ValueTask<SessionCredentials>> credentialsSource);

    /// <summary>
    /// Returns the artifacts of the job <paramref name="jobId"/> with data <paramref name="data"/>, of
    /// either kind (a custom action's job from <c>PollForJobs</c>, or a third-party one), reached with
    /// credentials from <paramref name="credentialsSource"/> (see the overload above).
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="data">The job's data.</param>
    /// <param name="credentialsSource">Supplies the job's current artifact credentials.</param>
    /// <returns>The job's artifacts; dispose them when the job is done.</returns>
    IJobArtifacts Create(string jobId, JobData data, Func<CancellationToken, ValueTask<SessionCredentials>> credentialsSource);
}
