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
    /// <see cref="JobContext.Details"/>.
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
        var defaults = new ThirdPartyJobWorkerOptions();
        var end = deadline ?? claimed + (defaults.JobTimeout - defaults.TimeoutSafetyMargin);
        if (end < claimed)
        {
            throw new ArgumentException("The deadline must not come before claimedAt.", nameof(deadline));
        }

        Func<JobDetails, CancellationToken, Task<JobDetails>>? fetchDetails = null;
        if (refreshCredentials is not null)
        {
            fetchDetails = async (current, cancellationToken) =>
            {
                var credentials = await refreshCredentials(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The refreshCredentials function returned no credentials.");
                return current with { Data = current.Data with { ArtifactCredentials = credentials } };
            };
        }

        // A refresh age of zero: with a refresh function, every call refreshes.
        return new JobContext(clientId, details, fetchDetails, TimeProvider.System, TimeSpan.Zero, TimeProvider.System.GetTimestamp(), claimed, end);
    }
}
