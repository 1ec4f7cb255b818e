namespace ThirdPartyJobs;

/// <summary>
/// CodePipeline's custom-action job operations (<c>owner: Custom</c>), with the same method names,
/// argument checks, retries, typed errors and secret-safe results as <see cref="IThirdPartyJobClient"/>
/// but no client token: the caller's IAM identity is the authority. A custom job's data comes with the
/// poll, so a job costs three calls (poll, acknowledge, report). Create one with <see cref="CustomJobClient.Create"/>;
/// disposing it releases the AWS SDK client.
/// </summary>
public interface ICustomJobClient : IDisposable
{
    /// <summary>Asks for jobs of one action type (<c>PollForJobs</c>). Returns an empty list when there are none.</summary>
    /// <param name="actionTypeId">The action type to poll for.</param>
    /// <param name="maxBatchSize">The most jobs to return (at least 1); null leaves it to CodePipeline.</param>
    /// <param name="queryParam">At most one queryable configuration property and the value a job must have (key 1–50 characters, value 1–50 of <c>[a-zA-Z0-9_-]</c>).</param>
    /// <param name="cancellationToken">Cancels the call, including retries and backoff.</param>
    /// <returns>The jobs handed out, each with its data, nonce and account id (null members when CodePipeline leaves them out).</returns>
    /// <exception cref="ArgumentException">An argument breaks the API's constraints; nothing was sent.</exception>
    /// <exception cref="ActionTypeNotFoundException">CodePipeline does not know the action type.</exception>
    Task<IReadOnlyList<CustomJob>> PollForJobsAsync(ActionTypeId actionTypeId, int? maxBatchSize = null, IReadOnlyDictionary<string, string>? queryParam = null, CancellationToken cancellationToken = default);

    /// <summary>Claims a job with the nonce it was polled with (<c>AcknowledgeJob</c>).</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="nonce">The nonce from <see cref="JobDetails.Nonce"/> (1–50 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job's status (null when the answer has none); work on it only when it is <see cref="JobStatus.InProgress"/>.</returns>
    /// <exception cref="InvalidNonceException">Another worker acknowledged the job.</exception>
    /// <exception cref="JobNotFoundException">The job does not exist.</exception>
    Task<JobStatus?> AcknowledgeJobAsync(string jobId, string nonce, CancellationToken cancellationToken = default);

    /// <summary>Gets a job's details again (<c>GetJobDetails</c>), e.g. to renew its artifact credentials on a long job.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, without a nonce (null when the answer has no <c>jobDetails</c>).</returns>
    /// <exception cref="JobNotFoundException">The job does not exist.</exception>
    Task<CustomJob?> GetJobDetailsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Reports that a job succeeded (<c>PutJobSuccessResult</c>), optionally with output variables for downstream actions.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="currentRevision">The revision the job worked on, if any.</param>
    /// <param name="continuationToken">Set to continue the work in a follow-up job (1–2048 characters); not allowed together with output variables.</param>
    /// <param name="executionDetails">What the job did, shown to the pipeline's users.</param>
    /// <param name="outputVariables">Variables for downstream actions; keys of <c>[A-Za-z0-9@-_]</c>. Not secret: the pipeline's users can read them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when CodePipeline has the result.</returns>
    /// <exception cref="ArgumentException">An argument breaks the API's constraints (including output variables with a continuation token); nothing was sent.</exception>
    /// <exception cref="OutputVariablesSizeExceededException">The variables exceed the pipeline's size limit.</exception>
    /// <exception cref="InvalidJobStateException">The job already has a result or is no longer in progress.</exception>
    Task PutJobSuccessResultAsync(string jobId, CurrentRevision? currentRevision = null, string? continuationToken = null, ExecutionDetails? executionDetails = null, IReadOnlyDictionary<string, string>? outputVariables = null, CancellationToken cancellationToken = default);

    /// <summary>Reports that a job failed (<c>PutJobFailureResult</c>).</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="failureDetails">Why it failed; the message is shown to the pipeline's users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when CodePipeline has the result.</returns>
    /// <exception cref="InvalidJobStateException">The job already has a result or is no longer in progress.</exception>
    Task PutJobFailureResultAsync(string jobId, FailureDetails failureDetails, CancellationToken cancellationToken = default);
}
