namespace ThirdPartyJobs;

/// <summary>
/// What a job is about: its action type and configuration, where it runs, its artifacts and the
/// credentials to reach them. Kept as CodePipeline sent it: a member it leaves out (or sends as
/// null) is null, except that a missing configuration is <see cref="ActionConfiguration.Empty"/>
/// and missing artifact lists are empty. Null elements in the artifact lists and null
/// configuration values are dropped (as the AWS SDK for JavaScript does); a configuration key
/// sent twice keeps its last value. Build one for tests with <see cref="ThirdPartyJobsModelFactory.JobData"/>.
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
        InputArtifacts = inputArtifacts;
        OutputArtifacts = outputArtifacts;
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

    /// <summary>Value equality, with the artifact lists compared element by element.</summary>
    /// <param name="other">The other job data.</param>
    public bool Equals(JobData? other) =>
        other is not null
        && Equals(ActionTypeId, other.ActionTypeId)
        && Equals(Configuration, other.Configuration)
        && Equals(PipelineContext, other.PipelineContext)
        && InputArtifacts.SequenceEqual(other.InputArtifacts)
        && OutputArtifacts.SequenceEqual(other.OutputArtifacts)
        && Equals(ArtifactCredentials, other.ArtifactCredentials)
        && string.Equals(ContinuationToken, other.ContinuationToken, StringComparison.Ordinal)
        && Equals(EncryptionKey, other.EncryptionKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ActionTypeId, PipelineContext, InputArtifacts.Count, OutputArtifacts.Count, ContinuationToken, EncryptionKey);

    // Lists print their items; secrets print redacted through their own ToString.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ActionTypeId = ").Append(ActionTypeId)
            .Append(", Configuration = ").Append(Configuration)
            .Append(", PipelineContext = ").Append(PipelineContext)
            .Append(", InputArtifacts = [").AppendJoin(", ", InputArtifacts).Append(']')
            .Append(", OutputArtifacts = [").AppendJoin(", ", OutputArtifacts).Append(']')
            .Append(", ArtifactCredentials = ").Append(ArtifactCredentials)
            .Append(", ContinuationToken = ").Append(ContinuationToken)
            .Append(", EncryptionKey = ").Append(EncryptionKey);
        return true;
    }
}
