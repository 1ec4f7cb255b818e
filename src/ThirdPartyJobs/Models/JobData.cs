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
    EncryptionKey? EncryptionKey);
