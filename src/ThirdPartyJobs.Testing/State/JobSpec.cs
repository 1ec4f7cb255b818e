namespace ThirdPartyJobs.Testing;

/// <summary>
/// What an emulated job carries in its <c>data</c>, for <see cref="CodePipelineEmulator.CreateJob"/>. Every
/// member has a default, so <c>new JobSpec()</c> makes a valid job. Values are checked against the model's
/// constraints when the job is created.
/// </summary>
public sealed class JobSpec
{
    /// <summary>The action configuration (<c>data.actionConfiguration.configuration</c>): keys 1-50, values 1-1000 characters.</summary>
    public IDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The pipeline name. Defaults to <c>emulated-pipeline</c>.</summary>
    public string PipelineName { get; init; } = "emulated-pipeline";

    /// <summary>The stage name. Defaults to <c>Build</c>.</summary>
    public string StageName { get; init; } = "Build";

    /// <summary>The action name. Defaults to <c>PartnerAction</c>.</summary>
    public string ActionName { get; init; } = "PartnerAction";

    /// <summary>The action execution id; <see langword="null"/> (the default) generates a UUID per job.</summary>
    public string? ActionExecutionId { get; init; }

    /// <summary>The input artifacts, in order.</summary>
    public IList<ArtifactSpec> InputArtifacts { get; init; } = [];

    /// <summary>The output artifacts, in order.</summary>
    public IList<ArtifactSpec> OutputArtifacts { get; init; } = [];

    /// <summary>
    /// The artifact credentials (temporary ones: a session token is required); <see langword="null"/> (the default)
    /// generates fake ones per job.
    /// </summary>
    public EmulatorCredential? ArtifactCredentials { get; init; }

    /// <summary>The KMS key id of <c>data.encryptionKey</c>, or <see langword="null"/> to leave the key out.</summary>
    public string? EncryptionKeyId { get; init; }

    /// <summary>The <c>data.continuationToken</c>, or <see langword="null"/> to leave it out.</summary>
    public string? ContinuationToken { get; init; }
}
