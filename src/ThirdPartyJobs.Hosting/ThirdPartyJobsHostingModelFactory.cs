namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Builds this package's models for tests, so that a job handler can be unit-tested without a
/// worker, a client or a client token: create a <see cref="Hosting.JobContext"/> here and call
/// <see cref="IThirdPartyJobHandler.HandleAsync"/> with it. Build the job's details with
/// <see cref="ThirdPartyJobsModelFactory.JobDetails"/>.
/// </summary>
/// <example>
/// <code>
/// var context = ThirdPartyJobsHostingModelFactory.JobContext(
///     ThirdPartyJobsModelFactory.JobDetails(configuration: new Dictionary&lt;string, string&gt; { ["ApiKey"] = "test-key" }));
/// var outcome = await new DeployHandler(fakeDeploys).HandleAsync(context, CancellationToken.None);
/// Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Succeeded));
/// </code>
/// </example>
public static class ThirdPartyJobsHostingModelFactory
{
    /// <summary>
    /// Creates the context a handler receives for a job. Unlike the worker's, it never calls
    /// CodePipeline: <see cref="JobContext.GetArtifactCredentialsAsync"/> returns the credentials
    /// in <paramref name="details"/>, or, when <paramref name="refreshCredentials"/> is given, asks
    /// it on every call (the worker instead refreshes when the credentials are older than
    /// <see cref="ThirdPartyJobWorkerOptions.CredentialsRefreshAge"/>) and puts the answer in
    /// <see cref="JobContext.Data"/>.
    /// </summary>
    /// <param name="details">The job; by default <see cref="ThirdPartyJobsModelFactory.JobDetails"/> with its defaults. Its continuation token becomes <see cref="JobContext.ContinuationToken"/>.</param>
    /// <param name="clientId">The job's client id; by default <c>test-client</c>.</param>
    /// <param name="claimedAt">When the worker received the job; by default now.</param>
    /// <param name="deadline">
    /// When the handler's cancellation token would fire; by default <paramref name="claimedAt"/>
    /// plus the worker's default budget (<see cref="ThirdPartyJobWorkerOptions.JobTimeout"/> minus
    /// <see cref="ThirdPartyJobWorkerOptions.TimeoutSafetyMargin"/>: 59 min 30 s). The context only
    /// reports it; cancel the token you pass to the handler to test what happens at the deadline.
    /// </param>
    /// <param name="refreshCredentials">Supplies fresh artifact credentials on each <see cref="JobContext.GetArtifactCredentialsAsync"/> call, with that call's cancellation token; it may throw, as a failed refresh would (e.g. a <see cref="ThirdPartyJobException"/>).</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty, or <paramref name="deadline"/> comes before <paramref name="claimedAt"/>.</exception>
    public static JobContext JobContext(
        JobDetails? details = null,
        string clientId = "test-client",
        DateTimeOffset? claimedAt = null,
        DateTimeOffset? deadline = null,
        Func<CancellationToken, Task<SessionCredentials>>? refreshCredentials = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        details ??= ThirdPartyJobsModelFactory.JobDetails();
        var claimed = claimedAt ?? DateTimeOffset.UtcNow;
        var data = details.Data ?? throw new ArgumentException("The job details have no data.", nameof(details));
        var id = details.Id ?? throw new ArgumentException("The job details have no id.", nameof(details));

        // A refresh age of zero: with a refresh function, every call refreshes.
        return new JobContext(id, clientId, isCustom: false, data, Refresh(refreshCredentials), TimeProvider.System, TimeSpan.Zero, TimeProvider.System.GetTimestamp(), claimed, Deadline(claimed, deadline));
    }

    /// <summary>
    /// Creates the context a handler receives for a custom action's job (<see cref="JobContext.AccountId"/>
    /// set, <see cref="JobContext.ClientId"/> null); otherwise as <see cref="JobContext(JobDetails?, string, DateTimeOffset?, DateTimeOffset?, Func{CancellationToken, Task{SessionCredentials}}?)"/>.
    /// </summary>
    /// <param name="job">The job as <c>PollForJobs</c> hands it out; by default <see cref="ThirdPartyJobsModelFactory.CustomJob"/> with its defaults.</param>
    /// <param name="claimedAt">When the worker received the job; by default now.</param>
    /// <param name="deadline">When the handler's cancellation token would fire; by default <paramref name="claimedAt"/> plus the worker's default budget.</param>
    /// <param name="refreshCredentials">Supplies fresh artifact credentials on each <see cref="JobContext.GetArtifactCredentialsAsync"/> call.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentException">The job has no id, data or account id, or <paramref name="deadline"/> comes before <paramref name="claimedAt"/>.</exception>
    public static JobContext CustomJobContext(
        CustomJob? job = null,
        DateTimeOffset? claimedAt = null,
        DateTimeOffset? deadline = null,
        Func<CancellationToken, Task<SessionCredentials>>? refreshCredentials = null)
    {
        job ??= ThirdPartyJobsModelFactory.CustomJob();
        var claimed = claimedAt ?? DateTimeOffset.UtcNow;
        if (job.Id is null || job.Data is null || string.IsNullOrEmpty(job.AccountId))
        {
            throw new ArgumentException("The job needs an id, data and an account id.", nameof(job));
        }

        return new JobContext(job.Id, job.AccountId, isCustom: true, job.Data, Refresh(refreshCredentials), TimeProvider.System, TimeSpan.Zero, TimeProvider.System.GetTimestamp(), claimed, Deadline(claimed, deadline));
    }

    private static DateTimeOffset Deadline(DateTimeOffset claimed, DateTimeOffset? deadline)
    {
        var defaults = new ThirdPartyJobWorkerOptions();
        var end = deadline ?? claimed + (defaults.JobTimeout - defaults.TimeoutSafetyMargin);
        return end < claimed ? throw new ArgumentException("The deadline must not come before claimedAt.", nameof(deadline)) : end;
    }

    private static Func<JobData, CancellationToken, Task<JobData>>? Refresh(Func<CancellationToken, Task<SessionCredentials>>? refreshCredentials)
    {
        if (refreshCredentials is null)
        {
            return null;
        }

        return async (current, cancellationToken) =>
        {
            var credentials = await refreshCredentials(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The refreshCredentials function returned no credentials.");

            // The same data with the new credentials; fillDefaults: false keeps every member as it was, nulls included.
            var configuration = current.Configuration.Keys.Select(key => KeyValuePair.Create(key, current.Configuration.GetSecretValue(key)));
            return ThirdPartyJobsModelFactory.JobData(
                current.ActionTypeId, configuration, current.PipelineContext, current.InputArtifacts, current.OutputArtifacts, credentials, current.ContinuationToken, current.EncryptionKey, fillDefaults: false);
        };
    }
}
