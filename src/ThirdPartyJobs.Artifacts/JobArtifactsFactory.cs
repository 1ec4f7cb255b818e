using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Artifacts.Validation;

namespace ThirdPartyJobs.Artifacts;

/// <summary>Creates a job's <see cref="IJobArtifacts"/>. Thread-safe; create one per process (or let <c>AddThirdPartyJobArtifacts</c> register it).</summary>
public sealed class JobArtifactsFactory : IJobArtifactsFactory
{
    private readonly ArtifactOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a factory.</summary>
    /// <param name="options">Region, endpoint, part size, limits and retries; null uses the defaults.</param>
    /// <param name="loggerFactory">Where artifact operations and retries are logged; never credentials.</param>
    /// <param name="timeProvider">The clock for all waiting (backoff, timeouts, idle reads); null means <see cref="TimeProvider.System"/>. Tests pass a fake one.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names each bad setting.</exception>
    public JobArtifactsFactory(ArtifactOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new ArtifactOptions();
        ArtifactOptionsValidator.Instance.ThrowIfInvalid(_options);
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public IJobArtifacts Create(JobDetails job)
    {
        ArgumentNullException.ThrowIfNull(job);

        // GetThirdPartyJobDetails answers may leave members out (the output records are nullable); artifacts need both.
        if (job.Id is null || job.Data is null)
        {
            throw new ArgumentException($"Job {job.Id ?? "(no id)"} has no {(job.Id is null ? "id" : "data")}; pass the JobDetails that GetThirdPartyJobDetails returned.", nameof(job));
        }

        var credentials = CredentialsOrThrow(job.Id, job.Data, nameof(job));
        return new JobArtifacts(job.Id, job.Data, _ => ValueTask.FromResult(credentials), _options, _loggerFactory, _timeProvider);
    }

    /// <inheritdoc/>
    public IJobArtifacts Create(IRunningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        CredentialsOrThrow(job.JobId, job.Data, nameof(job));
        return new JobArtifacts(job.JobId, job.Data, cancellationToken => new ValueTask<SessionCredentials>(job.GetArtifactCredentialsAsync(cancellationToken)), _options, _loggerFactory, _timeProvider);
    }

    private static SessionCredentials CredentialsOrThrow(string jobId, JobData? data, string parameter) =>
        data?.ArtifactCredentials
        ?? throw new ArgumentException($"Job {jobId} carries no artifact credentials; CodePipeline sends them with GetThirdPartyJobDetails.", parameter);
}
