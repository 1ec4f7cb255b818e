namespace ThirdPartyJobs;

/// <summary>What a job is about: its action type and configuration, where it runs, its artifacts and the credentials to reach them.</summary>
/// <param name="ActionTypeId">The job's action type.</param>
/// <param name="Configuration">The action's configuration (values are secret; see <see cref="ActionConfiguration"/>). Empty when CodePipeline sends none.</param>
/// <param name="PipelineContext">The pipeline, stage and action the job belongs to.</param>
/// <param name="InputArtifacts">The artifacts the action consumes (read-only; empty when none).</param>
/// <param name="OutputArtifacts">The artifacts the action must produce (read-only; empty when none).</param>
/// <param name="ArtifactCredentials">Temporary credentials for the artifacts (secret; see <see cref="SessionCredentials"/>).</param>
/// <param name="ContinuationToken">Set when the job continues earlier work that reported a continuation token.</param>
/// <param name="EncryptionKey">The artifact store's KMS key, when it has one.</param>
public sealed record JobData(
    ActionTypeId? ActionTypeId,
    ActionConfiguration Configuration,
    PipelineContext? PipelineContext,
    IReadOnlyList<Artifact> InputArtifacts,
    IReadOnlyList<Artifact> OutputArtifacts,
    SessionCredentials? ArtifactCredentials,
    string? ContinuationToken,
    EncryptionKey? EncryptionKey)
{
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
