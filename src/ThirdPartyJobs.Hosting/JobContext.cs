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
    // Fetches the job's data again (the worker: from CodePipeline, with the job's client token for third-party jobs).
    private readonly Func<JobData, CancellationToken, Task<JobData>>? _fetchData;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _credentialsRefreshAge;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private JobData _data;
    private long _dataFetchedAt;

    /// <summary>Creates a context whose data is fetched again by <paramref name="fetchData"/>.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="owner">Who the job belongs to: a third-party job's client id, or a custom job's account id.</param>
    /// <param name="isCustom">Whether the job is a custom action's (<paramref name="owner"/> is then the account id).</param>
    /// <param name="data">The job's data as fetched at <paramref name="dataFetchedAt"/>.</param>
    /// <param name="fetchData">Fetches the data again, given the current data; null: never refresh.</param>
    /// <param name="timeProvider">Measures the data's age.</param>
    /// <param name="credentialsRefreshAge">Data at least this old is fetched again before credentials are handed out.</param>
    /// <param name="dataFetchedAt">When <paramref name="data"/> was fetched (a <paramref name="timeProvider"/> timestamp).</param>
    /// <param name="claimedAt">When the job was received.</param>
    /// <param name="deadline">When the handler's token fires.</param>
    internal JobContext(
        string jobId,
        string owner,
        bool isCustom,
        JobData data,
        Func<JobData, CancellationToken, Task<JobData>>? fetchData,
        TimeProvider timeProvider,
        TimeSpan credentialsRefreshAge,
        long dataFetchedAt,
        DateTimeOffset claimedAt,
        DateTimeOffset deadline)
    {
        JobId = jobId;
        ClientId = isCustom ? null : owner;
        AccountId = isCustom ? owner : null;
        _data = data;
        _fetchData = fetchData;
        _timeProvider = timeProvider;
        _credentialsRefreshAge = credentialsRefreshAge;
        _dataFetchedAt = dataFetchedAt;
        ContinuationToken = data.ContinuationToken;
        ClaimedAt = claimedAt;
        Deadline = deadline;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>For a third-party action's job: which of the partner's customers it belongs to; null for a custom action's job.</summary>
    public string? ClientId { get; }

    /// <summary>For a custom action's job (<c>ActionTypeId.Owner</c> <c>Custom</c>): the AWS account whose pipeline runs it; null for a third-party action's job (one name per concept: a job is a custom action's exactly when this is set).</summary>
    public string? AccountId { get; }

    /// <summary>The job's data: action type, configuration (secret values), pipeline context, artifacts and encryption key; refreshed by <see cref="GetArtifactCredentialsAsync"/>.</summary>
    public JobData Data => Volatile.Read(ref _data);

    /// <summary>The token an earlier job of this action execution reported with <see cref="JobOutcome.ContinueLater"/>; null for a fresh job (the job continues earlier work exactly when this is set).</summary>
    public string? ContinuationToken { get; }

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
        if (_fetchData is not null && _timeProvider.GetElapsedTime(Volatile.Read(ref _dataFetchedAt)) >= _credentialsRefreshAge)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have refreshed while this one waited.
                if (_timeProvider.GetElapsedTime(_dataFetchedAt) >= _credentialsRefreshAge)
                {
                    var fetchedAt = _timeProvider.GetTimestamp();
                    var data = await _fetchData(_data, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _data, data);
                    Volatile.Write(ref _dataFetchedAt, fetchedAt);
                }
            }
            finally
            {
                _refreshLock.Release();
            }
        }

        return Data.ArtifactCredentials
            ?? throw new InvalidOperationException($"CodePipeline sent no artifact credentials for job {JobId}.");
    }

    /// <summary>Describes the job without secrets: <c>JobContext { JobId = …, ClientId = … (or AccountId = …), Pipeline = …, Stage = …, Action = …, IsContinuation = False }</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var pipeline = Data.PipelineContext;
        var owner = AccountId is not null ? "AccountId = " + AccountId : "ClientId = " + ClientId;
        return $"JobContext {{ JobId = {JobId}, {owner}, Pipeline = {pipeline?.PipelineName}, Stage = {pipeline?.StageName}, Action = {pipeline?.ActionName}, IsContinuation = {ContinuationToken is not null} }}";
    }
}
