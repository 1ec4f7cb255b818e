using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ThirdPartyJobs.Hosting;

/// <summary>
/// One claimed job, as the handler sees it. The client token the worker uses for the job stays
/// private: <see cref="ToString"/> and the debugger show ids and pipeline names only. To test a
/// handler without a worker, create one with <see cref="ThirdPartyJobsHostingModelFactory.JobContext"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim never allocates a wait handle (only WaitAsync is used), so there is nothing to dispose.")]
public sealed class JobContext : IRunningJob
{
    // Fetches the job's details again (the worker: from CodePipeline, with the job's client token).
    private readonly Func<JobDetails, CancellationToken, Task<JobDetails>>? _fetchDetails;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _credentialsRefreshAge;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private JobDetails _details;
    private long _detailsFetchedAt;

    internal JobContext(
        string clientId,
        JobDetails details,
        string clientToken,
        IThirdPartyJobClient client,
        TimeProvider timeProvider,
        TimeSpan credentialsRefreshAge,
        long detailsFetchedAt,
        DateTimeOffset claimedAt,
        DateTimeOffset deadline)
        : this(clientId, details, (current, cancellationToken) => client.GetJobDetailsAsync(current.Id, clientToken, cancellationToken), timeProvider, credentialsRefreshAge, detailsFetchedAt, claimedAt, deadline)
    {
    }

    /// <summary>Creates a context whose details are fetched again by <paramref name="fetchDetails"/>.</summary>
    /// <param name="clientId">The job's client id.</param>
    /// <param name="details">The job's details as fetched at <paramref name="detailsFetchedAt"/>.</param>
    /// <param name="fetchDetails">Fetches the details again, given the current ones; null: never refresh.</param>
    /// <param name="timeProvider">Measures the details' age.</param>
    /// <param name="credentialsRefreshAge">Details at least this old are fetched again before credentials are handed out.</param>
    /// <param name="detailsFetchedAt">When <paramref name="details"/> were fetched (a <paramref name="timeProvider"/> timestamp).</param>
    /// <param name="claimedAt">When the job was received.</param>
    /// <param name="deadline">When the handler's token fires.</param>
    internal JobContext(
        string clientId,
        JobDetails details,
        Func<JobDetails, CancellationToken, Task<JobDetails>>? fetchDetails,
        TimeProvider timeProvider,
        TimeSpan credentialsRefreshAge,
        long detailsFetchedAt,
        DateTimeOffset claimedAt,
        DateTimeOffset deadline)
    {
        ClientId = clientId;
        _details = details;
        _fetchDetails = fetchDetails;
        _timeProvider = timeProvider;
        _credentialsRefreshAge = credentialsRefreshAge;
        _detailsFetchedAt = detailsFetchedAt;
        ContinuationToken = details.Data.ContinuationToken;
        ClaimedAt = claimedAt;
        Deadline = deadline;
    }

    /// <summary>The job's id.</summary>
    public string JobId => _details.Id;

    /// <summary>Which of the partner's customers the job belongs to.</summary>
    public string ClientId { get; }

    /// <summary>The job's details as last fetched (refreshed by <see cref="GetArtifactCredentialsAsync"/>).</summary>
    public JobDetails Details => Volatile.Read(ref _details);

    /// <summary>The job's data: action type, configuration (secret values), pipeline context, artifacts and encryption key.</summary>
    public JobData Data => Details.Data;

    /// <summary>The token an earlier job of this action execution reported with <see cref="JobOutcome.ContinueLater"/>; null for a fresh job.</summary>
    public string? ContinuationToken { get; }

    /// <summary>Whether this job continues earlier work (<see cref="ContinuationToken"/> is set).</summary>
    public bool IsContinuation => ContinuationToken is not null;

    /// <summary>When the worker received the job; its time budget counts from here.</summary>
    public DateTimeOffset ClaimedAt { get; }

    /// <summary>When the handler's cancellation token fires: the job timeout minus the safety margin, from <see cref="ClaimedAt"/>.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>
    /// Returns credentials for the job's artifacts. When the ones at hand are older than the
    /// worker's <c>CredentialsRefreshAge</c>, fetches the job's details again first, since the
    /// temporary credentials CodePipeline hands out expire. (A context made by
    /// <see cref="ThirdPartyJobsHostingModelFactory.JobContext"/> behaves as described there.)
    /// </summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The credentials (secret; see <see cref="SessionCredentials"/>).</returns>
    /// <exception cref="InvalidOperationException">CodePipeline sent no artifact credentials for the job.</exception>
    /// <exception cref="ThirdPartyJobException">Refreshing the details failed.</exception>
    public async Task<SessionCredentials> GetArtifactCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_fetchDetails is not null && _timeProvider.GetElapsedTime(Volatile.Read(ref _detailsFetchedAt)) >= _credentialsRefreshAge)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have refreshed while this one waited.
                if (_timeProvider.GetElapsedTime(_detailsFetchedAt) >= _credentialsRefreshAge)
                {
                    var fetchedAt = _timeProvider.GetTimestamp();
                    var details = await _fetchDetails(_details, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _details, details);
                    Volatile.Write(ref _detailsFetchedAt, fetchedAt);
                }
            }
            finally
            {
                _refreshLock.Release();
            }
        }

        return Details.Data.ArtifactCredentials
            ?? throw new InvalidOperationException($"CodePipeline sent no artifact credentials for job {JobId}.");
    }

    /// <summary>Describes the job without secrets: <c>JobContext { JobId = …, ClientId = …, Pipeline = …, Stage = …, Action = …, IsContinuation = False }</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var pipeline = Data.PipelineContext;
        return $"JobContext {{ JobId = {JobId}, ClientId = {ClientId}, Pipeline = {pipeline?.PipelineName}, Stage = {pipeline?.StageName}, Action = {pipeline?.ActionName}, IsContinuation = {IsContinuation} }}";
    }
}
