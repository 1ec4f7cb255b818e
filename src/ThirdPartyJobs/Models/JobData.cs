namespace ThirdPartyJobs;

/// <summary>
/// What a job is about: its action type and configuration, where it runs, its artifacts and the
/// credentials to reach them. Kept as CodePipeline sent it: a member it leaves out (or sends as
/// null) is null, except that a missing configuration is empty
/// and missing artifact lists are empty. Null elements in the artifact lists and null
/// configuration values are dropped (as the AWS SDK for JavaScript does); a configuration key
/// sent twice keeps its last value. Equal when every member is (the artifact lists element by element). Build one for tests with <see cref="ThirdPartyJobsModelFactory.JobData"/>.
/// </summary>
public sealed record JobData
{
    internal JobData(
        ActionTypeId? actionTypeId,
        ActionConfiguration configuration,
        PipelineContext? pipelineContext,
        IReadOnlyList<Artifact> inputArtifacts,
        IReadOnlyList<Artifact> outputArtifacts,
        SessionCredentials? artifactCredentials,
        string? continuationToken,
        EncryptionKey? encryptionKey)
    {
        ActionTypeId = actionTypeId;
        Configuration = configuration;
        PipelineContext = pipelineContext;
        InputArtifacts = ValueList<Artifact>.From(inputArtifacts);
        OutputArtifacts = ValueList<Artifact>.From(outputArtifacts);
        ArtifactCredentials = artifactCredentials;
        ContinuationToken = continuationToken;
        EncryptionKey = encryptionKey;
    }

    /// <summary>The job's action type.</summary>
    public ActionTypeId? ActionTypeId { get; }

    /// <summary>The action's configuration (values are secret; see <see cref="ActionConfiguration"/>). Empty when CodePipeline sends none.</summary>
    public ActionConfiguration Configuration { get; }

    /// <summary>The pipeline, stage and action the job belongs to.</summary>
    public PipelineContext? PipelineContext { get; }

    /// <summary>The artifacts the action consumes (read-only; empty when none).</summary>
    public IReadOnlyList<Artifact> InputArtifacts { get; }

    /// <summary>The artifacts the action must produce (read-only; empty when none).</summary>
    public IReadOnlyList<Artifact> OutputArtifacts { get; }

    /// <summary>Temporary credentials for the artifacts (secret; see <see cref="SessionCredentials"/>).</summary>
    public SessionCredentials? ArtifactCredentials { get; }

    /// <summary>Set when the job continues earlier work that reported a continuation token.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The artifact store's KMS key, when it has one.</summary>
    public EncryptionKey? EncryptionKey { get; }
}
