using System.Collections.ObjectModel;
using System.Net;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// Builds this library's models for tests, with realistic defaults for everything not given, so
/// that a handler test needs one line:
/// <c>ThirdPartyJobsModelFactory.JobDetails(configuration: new Dictionary&lt;string, string&gt; { ["ApiKey"] = "test-key" })</c>.
/// </summary>
/// <remarks>
/// <para>
/// A null argument means "the default". To leave out a member the default fills in (say, the
/// encryption key), pass <c>fillDefaults: false</c>: then a null argument is a member CodePipeline
/// left out, <c>JobData(encryptionKey: null, fillDefaults: false)</c>, and only what is given is set.
/// </para>
/// <para>
/// The defaults: a <c>Build</c>/<c>ThirdParty</c> action type with provider <c>TestProvider</c>, version <c>1</c>;
/// an empty configuration; pipeline <c>test-pipeline</c>, stage <c>Build</c>, action <c>TestAction</c>;
/// one input artifact (<c>SourceArtifact</c>, with a revision) and one output artifact
/// (<c>BuildArtifact</c>), both in S3; fake artifact credentials (AWS's documented example key);
/// a KMS encryption key; no continuation token; nonce <c>1</c>; and a new UUID as job id.
/// No default is a real secret, and nothing here makes a network call.
/// </para>
/// </remarks>
public static class ThirdPartyJobsModelFactory
{
    private const string DefaultPipelineName = "test-pipeline";
    private const string DefaultBucketName = "codepipeline-us-east-1-111122223333";
    private const string DefaultAccountId = "111122223333";

    /// <summary>Builds the details of a job, as <c>GetThirdPartyJobDetails</c> returns them.</summary>
    /// <param name="id">The job id; by default a new UUID, so that two calls make two jobs.</param>
    /// <param name="nonce">The nonce to acknowledge the job with; by default <c>1</c>.</param>
    /// <param name="actionTypeId">The action type; by default <see cref="ActionTypeId"/>'s default.</param>
    /// <param name="configuration">The action's configuration (keys are case-sensitive); by default empty.</param>
    /// <param name="pipelineContext">Where the job runs; by default <see cref="PipelineContext"/>'s default.</param>
    /// <param name="inputArtifacts">The input artifacts; by default one, <c>SourceArtifact</c>. Pass <c>[]</c> for none.</param>
    /// <param name="outputArtifacts">The output artifacts; by default one, <c>BuildArtifact</c>. Pass <c>[]</c> for none.</param>
    /// <param name="artifactCredentials">The artifact credentials; by default <see cref="SessionCredentials"/>'s default.</param>
    /// <param name="continuationToken">The continuation token of a follow-up job; by default none (a fresh job).</param>
    /// <param name="encryptionKey">The artifact store's key; by default <see cref="EncryptionKey"/>'s default.</param>
    /// <param name="fillDefaults">False: a null argument leaves its member out (null, or empty for lists and configuration) instead of filling in the default.</param>
    /// <returns>The job's details.</returns>
    /// <exception cref="ArgumentException">A value breaks CodePipeline's limits (an empty id, nonce or continuation token; a configuration key given twice; a null artifact).</exception>
    public static JobDetails JobDetails(
        string? id = null,
        string? nonce = null,
        ActionTypeId? actionTypeId = null,
        IEnumerable<KeyValuePair<string, string>>? configuration = null,
        PipelineContext? pipelineContext = null,
        IEnumerable<Artifact>? inputArtifacts = null,
        IEnumerable<Artifact>? outputArtifacts = null,
        SessionCredentials? artifactCredentials = null,
        string? continuationToken = null,
        EncryptionKey? encryptionKey = null,
        bool fillDefaults = true)
    {
        id = Fill(id, fillDefaults, static () => Guid.NewGuid().ToString());
        nonce = Fill(nonce, fillDefaults, static () => "1");
        Require.OptionalText(id, CodePipelineLimits.JobId, nameof(id));
        Require.OptionalText(nonce, CodePipelineLimits.Nonce, nameof(nonce));
        return new JobDetails(
            id,
            nonce,
            JobData(actionTypeId, configuration, pipelineContext, inputArtifacts, outputArtifacts, artifactCredentials, continuationToken, encryptionKey, fillDefaults));
    }

    /// <summary>Builds a job's data; see <see cref="JobDetails"/> for the parameters and their defaults.</summary>
    /// <param name="actionTypeId">The action type.</param>
    /// <param name="configuration">The action's configuration; by default empty.</param>
    /// <param name="pipelineContext">Where the job runs.</param>
    /// <param name="inputArtifacts">The input artifacts; <c>[]</c> for none.</param>
    /// <param name="outputArtifacts">The output artifacts; <c>[]</c> for none.</param>
    /// <param name="artifactCredentials">The artifact credentials.</param>
    /// <param name="continuationToken">The continuation token; by default none.</param>
    /// <param name="encryptionKey">The artifact store's key.</param>
    /// <param name="fillDefaults">False: a null argument leaves its member out instead of filling in the default.</param>
    /// <returns>The job's data.</returns>
    /// <exception cref="ArgumentException">A configuration key is given twice, an artifact is null, or the continuation token is empty or too long.</exception>
    public static JobData JobData(
        ActionTypeId? actionTypeId = null,
        IEnumerable<KeyValuePair<string, string>>? configuration = null,
        PipelineContext? pipelineContext = null,
        IEnumerable<Artifact>? inputArtifacts = null,
        IEnumerable<Artifact>? outputArtifacts = null,
        SessionCredentials? artifactCredentials = null,
        string? continuationToken = null,
        EncryptionKey? encryptionKey = null,
        bool fillDefaults = true)
    {
        Require.ContinuationToken(continuationToken);
        return new JobData(
            Fill(actionTypeId, fillDefaults, static () => ActionTypeId()),
            configuration is null ? ActionConfiguration.Empty : new ActionConfiguration(configuration),
            Fill(pipelineContext, fillDefaults, static () => PipelineContext()),
            Artifacts(inputArtifacts, fillDefaults ? Artifact("SourceArtifact", revision: "4f2c8e1d9b7a6053e2d1c0b9a8f7e6d5c4b3a291") : null, nameof(inputArtifacts)),
            Artifacts(outputArtifacts, fillDefaults ? Artifact("BuildArtifact") : null, nameof(outputArtifacts)),
            Fill(artifactCredentials, fillDefaults, static () => SessionCredentials()),
            continuationToken,
            Fill(encryptionKey, fillDefaults, static () => EncryptionKey()));
    }

    /// <summary>Builds an action type id.</summary>
    /// <param name="category">The category; by default <see cref="ActionCategory.Build"/>.</param>
    /// <param name="owner">The owner; by default <see cref="ActionOwner.ThirdParty"/>.</param>
    /// <param name="provider">The provider name (1–35 characters of <c>[0-9A-Za-z_-]</c>).</param>
    /// <param name="version">The version (1–9 characters of <c>[0-9A-Za-z_-]</c>).</param>
    /// <returns>The action type id.</returns>
    /// <exception cref="ArgumentException">The provider or version breaks CodePipeline's rules.</exception>
    public static ActionTypeId ActionTypeId(ActionCategory? category = null, ActionOwner? owner = null, string provider = "TestProvider", string version = "1")
    {
        var actionTypeId = new ActionTypeId(category ?? ActionCategory.Build, owner ?? ActionOwner.ThirdParty, provider, version);
        Require.ActionTypeId(actionTypeId);
        return actionTypeId;
    }

    /// <summary>Builds a pipeline context.</summary>
    /// <param name="pipelineName">The pipeline's name.</param>
    /// <param name="stageName">The stage's name.</param>
    /// <param name="actionName">The action's name.</param>
    /// <param name="actionExecutionId">The action execution id; by default a new UUID.</param>
    /// <param name="pipelineArn">The pipeline's ARN; CodePipeline does not send it for third-party jobs, so none by default.</param>
    /// <param name="pipelineExecutionId">The pipeline execution id; CodePipeline does not send it for third-party jobs, so none by default.</param>
    /// <returns>The pipeline context.</returns>
    public static PipelineContext PipelineContext(
        string? pipelineName = DefaultPipelineName,
        string? stageName = "Build",
        string? actionName = "TestAction",
        string? actionExecutionId = null,
        string? pipelineArn = null,
        string? pipelineExecutionId = null) =>
        new(pipelineName, stageName, actionName, actionExecutionId ?? Guid.NewGuid().ToString(), pipelineArn, pipelineExecutionId);

    /// <summary>Builds an artifact stored in S3, as CodePipeline describes input and output artifacts.</summary>
    /// <param name="name">The artifact's name as declared in the pipeline.</param>
    /// <param name="revision">The revision (e.g. a commit id), if any.</param>
    /// <param name="bucketName">The artifact bucket; by default <c>codepipeline-us-east-1-111122223333</c>.</param>
    /// <param name="objectKey">The object key; by default <c>test-pipeline/&lt;name&gt;.zip</c>.</param>
    /// <param name="fillDefaults">False: without a bucket and key the artifact has no location, as CodePipeline may send it.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/>, <paramref name="bucketName"/> or <paramref name="objectKey"/> is empty.</exception>
    public static Artifact Artifact(string name, string? revision = null, string? bucketName = null, string? objectKey = null, bool fillDefaults = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!fillDefaults && bucketName is null && objectKey is null)
        {
            return new Artifact(name, revision, null, null);
        }

        bucketName ??= DefaultBucketName;
        objectKey ??= $"{DefaultPipelineName}/{name}.zip";
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectKey);
        return new Artifact(name, revision, ArtifactLocationType.S3, new S3ArtifactLocation(bucketName, objectKey));
    }

    /// <summary>Builds artifact credentials. The defaults are AWS's documented example key: fake, and recognisable as such.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public static SessionCredentials SessionCredentials(
        string accessKeyId = "ASIAIOSFODNN7EXAMPLE",
        string secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        string sessionToken = "EXAMPLE-session-token")
    {
        // Deliberately no values in these messages: the arguments are secrets.
        return new(
            string.IsNullOrEmpty(accessKeyId) ? throw new ArgumentException("The access key id must not be empty.", nameof(accessKeyId)) : accessKeyId,
            string.IsNullOrEmpty(secretAccessKey) ? throw new ArgumentException("The secret access key must not be empty.", nameof(secretAccessKey)) : secretAccessKey,
            string.IsNullOrEmpty(sessionToken) ? throw new ArgumentException("The session token must not be empty.", nameof(sessionToken)) : sessionToken);
    }

    /// <summary>Builds an artifact store's encryption key.</summary>
    /// <param name="id">The KMS key id, ARN or alias ARN; by default the alias ARN of the S3 managed key in an example account.</param>
    /// <param name="type">The key type; by default <see cref="EncryptionKeyType.KMS"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public static EncryptionKey EncryptionKey(string id = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3", EncryptionKeyType? type = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new EncryptionKey(id, type ?? EncryptionKeyType.KMS);
    }

    /// <summary>Builds a job as a poll hands it out.</summary>
    /// <param name="clientId">The client id; by default <c>test-client</c>.</param>
    /// <param name="jobId">The job id; by default a new UUID.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> or <paramref name="jobId"/> is empty.</exception>
    public static ThirdPartyJob ThirdPartyJob(string clientId = "test-client", string? jobId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        jobId ??= Guid.NewGuid().ToString();
        Require.JobId(jobId);
        return new ThirdPartyJob(clientId, jobId);
    }

    /// <summary>Builds a custom-action job as <c>PollForJobs</c> hands it out (<c>GetJobDetails</c> returns one without a nonce).</summary>
    /// <param name="id">The job id; by default a new UUID.</param>
    /// <param name="data">The job's data; by default <see cref="JobData"/>'s default with a <c>Custom</c> action type.</param>
    /// <param name="nonce">The nonce; by default <c>1</c>.</param>
    /// <param name="accountId">The account id; by default <c>111122223333</c>.</param>
    /// <param name="fillDefaults">False: a null argument leaves its member out (a job as <c>GetJobDetails</c> returns it has no nonce).</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The id or nonce breaks CodePipeline's limits.</exception>
    public static CustomJob CustomJob(string? id = null, JobData? data = null, string? nonce = null, string? accountId = DefaultAccountId, bool fillDefaults = true)
    {
        id = Fill(id, fillDefaults, static () => Guid.NewGuid().ToString());
        nonce = Fill(nonce, fillDefaults, static () => "1");
        Require.OptionalText(id, CodePipelineLimits.JobId, nameof(id));
        Require.OptionalText(nonce, CodePipelineLimits.Nonce, nameof(nonce));
        return new CustomJob(id, Fill(data, fillDefaults, static () => JobData(ActionTypeId(owner: ActionOwner.Custom))), nonce, accountId);
    }

    /// <summary>
    /// Builds the exception the client throws when CodePipeline answers with <paramref name="errorCode"/>: the typed
    /// exception for a known code (<c>JobNotFoundException</c> is a <see cref="ThirdPartyJobs.JobNotFoundException"/>,
    /// a throttling code a <see cref="ThrottledException"/>), else a <see cref="ThirdPartyJobException"/>, with every
    /// fact set. Throw it from a mocked <see cref="IThirdPartyJobClient"/> or <see cref="ICustomJobClient"/>.
    /// </summary>
    /// <param name="errorCode">The service's error code, e.g. <c>JobNotFoundException</c>.</param>
    /// <param name="serviceMessage">The service's message; by default none.</param>
    /// <param name="operation">The CodePipeline operation, e.g. <c>GetThirdPartyJobDetails</c>.</param>
    /// <param name="jobId">The job the call was about.</param>
    /// <param name="statusCode">The HTTP status; by default 400.</param>
    /// <param name="requestId">The AWS request id; by default a new UUID.</param>
    /// <param name="attempts">How many attempts were made; by default 1.</param>
    /// <returns>The exception (not thrown).</returns>
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> is empty, or <paramref name="attempts"/> is less than 1.</exception>
    public static ThirdPartyJobException ServiceError(
        string errorCode,
        string? serviceMessage = null,
        string? operation = null,
        string? jobId = null,
        HttpStatusCode statusCode = HttpStatusCode.BadRequest,
        string? requestId = null,
        int attempts = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return ErrorMapper.FromServiceError(new ServiceErrorDetails(operation, errorCode, requestId ?? Guid.NewGuid().ToString(), statusCode, jobId, attempts, serviceMessage));
    }

    private static T? Fill<T>(T? value, bool fillDefaults, Func<T> fallback)
        where T : class =>
        value ?? (fillDefaults ? fallback() : null);

    private static ReadOnlyCollection<Artifact> Artifacts(IEnumerable<Artifact>? artifacts, Artifact? fallback, string parameterName)
    {
        if (artifacts is null)
        {
            return (fallback is null ? [] : new[] { fallback }).AsReadOnly();
        }

        var list = artifacts.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentException("Artifacts must not be null.", parameterName);
        }

        return list.AsReadOnly();
    }
}
