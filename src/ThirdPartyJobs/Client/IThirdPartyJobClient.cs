namespace ThirdPartyJobs;

/// <summary>
/// CodePipeline's third-party job operations, with argument validation, one retry layer for
/// throttling and transient faults, typed errors and secret-safe results. Create one with
/// <see cref="ThirdPartyJobClient.Create"/>; disposing it releases the AWS SDK client (as <c>IAmazonService</c> does).
/// </summary>
public interface IThirdPartyJobClient : IDisposable
{
    /// <summary>Gets a job's details: action type, configuration, pipeline context, artifacts, artifact credentials, continuation token, encryption key and nonce (<c>GetThirdPartyJobDetails</c>).</summary>
    /// <param name="jobId">The job's id (1–512 characters).</param>
    /// <param name="clientToken">The client token of the customer the job belongs to (1–256 characters). Secret.</param>
    /// <param name="cancellationToken">Cancels the call, including retries and backoff.</param>
    /// <returns>The job, kept as CodePipeline sent it (members it leaves out are null); null when the answer has no <c>jobDetails</c>, which the API model allows.</returns>
    /// <exception cref="ArgumentException">An argument breaks the API's constraints; nothing was sent.</exception>
    /// <exception cref="JobNotFoundException">The job does not exist.</exception>
    /// <exception cref="InvalidClientTokenException">The client token does not match the job.</exception>
    /// <exception cref="InvalidJobException">The job is not valid.</exception>
    /// <exception cref="ServiceValidationException">CodePipeline rejected the request.</exception>
    /// <exception cref="ThrottledException">Still throttled after every attempt.</exception>
    /// <exception cref="ServiceUnavailableException">Still failing transiently after every attempt, or timed out.</exception>
    /// <exception cref="MalformedResponseException">The response is not well-formed JSON, or a member has a JSON type with no sensible reading; carries the status and request id.</exception>
    /// <exception cref="AwsConfigurationException">Credentials that worked when the client was built cannot be used any more.</exception>
    Task<JobDetails?> GetJobDetailsAsync(string jobId, string clientToken, CancellationToken cancellationToken = default);

    /// <summary>Asks for jobs of one action type (<c>PollForThirdPartyJobs</c>). Returns an empty list when there are none.</summary>
    /// <param name="actionTypeId">The action type to poll for.</param>
    /// <param name="maxBatchSize">The most jobs to return (at least 1); null leaves it to CodePipeline (its default is 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs handed out, each with the client id to look its client token up by (null members when CodePipeline leaves them out; null elements are dropped).</returns>
    /// <exception cref="ArgumentException">An argument breaks the API's constraints; nothing was sent.</exception>
    /// <exception cref="ActionTypeNotFoundException">CodePipeline does not know the action type.</exception>
    Task<IReadOnlyList<ThirdPartyJob>> PollForJobsAsync(ActionTypeId actionTypeId, int? maxBatchSize = null, CancellationToken cancellationToken = default);

    /// <summary>Claims a job with the nonce from its details (<c>AcknowledgeThirdPartyJob</c>).</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="nonce">The nonce from <see cref="JobDetails.Nonce"/> (1–50 characters).</param>
    /// <param name="clientToken">The job's client token. Secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job's status; work on it only when it is <see cref="JobStatus.InProgress"/>. Null when the answer has no status (the API model allows it); an unknown or empty status is kept as an unknown <see cref="JobStatus"/>.</returns>
    /// <exception cref="InvalidNonceException">Another worker acknowledged the job.</exception>
    Task<JobStatus?> AcknowledgeJobAsync(string jobId, string nonce, string clientToken, CancellationToken cancellationToken = default);

    /// <summary>Reports that a job succeeded (<c>PutThirdPartyJobSuccessResult</c>). With a continuation token, CodePipeline issues the job again carrying that token.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="clientToken">The job's client token. Secret.</param>
    /// <param name="currentRevision">The revision the job worked on, if any.</param>
    /// <param name="continuationToken">Set to continue the work in a follow-up job (1–2048 characters).</param>
    /// <param name="executionDetails">What the job did, shown to the pipeline's users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when CodePipeline has the result.</returns>
    /// <exception cref="InvalidJobStateException">The job already has a result or is no longer in progress.</exception>
    Task PutJobSuccessResultAsync(string jobId, string clientToken, CurrentRevision? currentRevision = null, string? continuationToken = null, ExecutionDetails? executionDetails = null, CancellationToken cancellationToken = default);

    /// <summary>Reports that a job failed (<c>PutThirdPartyJobFailureResult</c>).</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="clientToken">The job's client token. Secret.</param>
    /// <param name="failureDetails">Why it failed; the message is shown to the pipeline's users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when CodePipeline has the result.</returns>
    /// <exception cref="InvalidJobStateException">The job already has a result or is no longer in progress.</exception>
    Task PutJobFailureResultAsync(string jobId, string clientToken, FailureDetails failureDetails, CancellationToken cancellationToken = default);
}
