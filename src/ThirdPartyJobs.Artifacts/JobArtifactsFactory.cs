using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Artifacts.Validation;

namespace ThirdPartyJobs.Artifacts;

/// <summary>Creates a job's <see cref="IJobArtifacts"/>. Thread-safe; create one per process (or let <c>AddThirdPartyJobArtifacts</c> register it).</summary>
public sealed class JobArtifactsFactory : IJobArtifactsFactory
{
    private readonly ArtifactOptions _options;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates a factory.</summary>
    /// <param name="options">Region, endpoint, part size, limits and retries; null uses the defaults.</param>
    /// <param name="loggerFactory">Where artifact operations and retries are logged; never credentials.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names each bad setting.</exception>
    public JobArtifactsFactory(ArtifactOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new ArtifactOptions();
        ArtifactOptionsValidator.ThrowIfInvalid(_options);
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc/>
    public IJobArtifacts Create(JobDetails job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var credentials = job.Data?.ArtifactCredentials
            ?? throw new ArgumentException($"Job {job.Id} carries no artifact credentials; CodePipeline sends them with GetThirdPartyJobDetails.", nameof(job));
        return Create(job, _ => ValueTask.FromResult(credentials));
    }

    /// <inheritdoc/>
    public IJobArtifacts Create(JobDetails job, Func<CancellationToken, ValueTask<SessionCredentials>> credentialsSource)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(credentialsSource);
        if (job.Data is null || job.Id is null)
        {
            throw new ArgumentException($"Job {job.Id} has no id or no data.", nameof(job));
        }

        return new JobArtifacts(job.Id, job.Data, credentialsSource, _options, _loggerFactory);
    }

    /// <inheritdoc/>
    public IJobArtifacts Create(string jobId, JobData data, Func<CancellationToken, ValueTask<SessionCredentials>> credentialsSource)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(credentialsSource);
        return new JobArtifacts(jobId, data, credentialsSource, _options, _loggerFactory);
    }
}
