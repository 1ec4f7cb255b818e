namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// The constraints of the CodePipeline model (<c>codepipeline/2015-07-09/service-2.json</c>) for the shapes the
/// third-party and custom-action job operations use. The names are the model's shape names, so a test can compare them with the
/// model file. The limits the client checks too come from the one table of them, <see cref="CodePipelineLimits"/>
/// (src/Shared, compiled in as source: data, not client code); the emulator counts lengths and matches patterns its own way.
/// </summary>
internal static class ModelShapes
{
    private const string NamePattern = @"[A-Za-z0-9.@\-_]+";
    private const string UuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static readonly StringShape ThirdPartyJobId = From(CodePipelineLimits.JobId);
    public static readonly StringShape ClientToken = From(CodePipelineLimits.ClientToken, sensitive: true);
    public static readonly StringShape Nonce = From(CodePipelineLimits.Nonce);
    public static readonly StringShape ClientId = new("ClientId", pattern: UuidPattern);
    public static readonly StringShape JobId = new("JobId", pattern: UuidPattern);
    public static readonly StringShape AccountId = new("AccountId", pattern: "[0-9]{12}");

    // Compute arrived in later model versions (the Commands action); older copies of the model lack it. An unknown
    // category breaks the enum constraint: a ValidationException, as CodePipeline answers it.
    public static readonly StringShape ActionCategory = new(
        "ActionCategory", enumValues: ["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"]);

    public static readonly StringShape ActionOwner = new("ActionOwner", enumValues: ["AWS", "ThirdParty", "Custom"]);
    public static readonly StringShape ActionProvider = From(CodePipelineLimits.Provider);
    public static readonly StringShape Version = From(CodePipelineLimits.Version);

    public static readonly StringShape ActionConfigurationKey = new("ActionConfigurationKey", 1, 50);
    public static readonly StringShape ActionConfigurationValue = new("ActionConfigurationValue", 1, 1000);
    public static readonly StringShape ActionConfigurationQueryableValue = new("ActionConfigurationQueryableValue", 1, 50, "[a-zA-Z0-9_-]+");
    public static readonly StringShape OutputVariablesKey = new("OutputVariablesKey", pattern: @"[A-Za-z0-9@\-_]+");

    /// <summary><c>QueryParamMap</c>: at most one entry.</summary>
    public const int QueryParamMapMax = 1;
    public static readonly StringShape PipelineName = new("PipelineName", 1, 100, NamePattern);
    public static readonly StringShape StageName = new("StageName", 1, 100, NamePattern);
    public static readonly StringShape ActionName = new("ActionName", 1, 100, NamePattern);
    public static readonly StringShape ArtifactName = new("ArtifactName", 1, 100, "[a-zA-Z0-9_\\-]+");
    public static readonly StringShape Revision = From(CodePipelineLimits.Revision);
    public static readonly StringShape ContinuationToken = From(CodePipelineLimits.ContinuationToken);
    public static readonly StringShape EncryptionKeyId = new("EncryptionKeyId", 1, 400);

    public static readonly StringShape RevisionChangeIdentifier = From(CodePipelineLimits.ChangeIdentifier);
    public static readonly StringShape RevisionSummary = From(CodePipelineLimits.RevisionSummary);
    public static readonly StringShape ExecutionSummary = From(CodePipelineLimits.ExecutionSummary);
    public static readonly StringShape ExecutionId = From(CodePipelineLimits.ExternalExecutionId);

    public static readonly StringShape FailureType = new(
        "FailureType",
        enumValues: ["JobFailed", "ConfigurationError", "PermissionError", "RevisionOutOfSync", "RevisionUnavailable", "SystemUnavailable"]);

    public static readonly StringShape Message = From(CodePipelineLimits.FailureMessage);

    /// <summary><c>MaxBatchSize</c>: an integer of at least 1, no upper bound in the model.</summary>
    public static readonly IntegerShape MaxBatchSize = new("MaxBatchSize", CodePipelineLimits.MinBatchSize, null);

    /// <summary><c>Percentage</c>: an integer from 0 to 100.</summary>
    public static readonly IntegerShape Percentage = new("Percentage", CodePipelineLimits.MinPercentComplete, CodePipelineLimits.MaxPercentComplete);

    /// <summary>Every string shape above, for tests that compare them with the model.</summary>
    public static IReadOnlyList<StringShape> AllStrings { get; } =
    [
        ThirdPartyJobId, ClientToken, Nonce, ClientId, JobId, AccountId, ActionCategory, ActionOwner, ActionProvider, Version,
        ActionConfigurationKey, ActionConfigurationValue, ActionConfigurationQueryableValue, OutputVariablesKey, PipelineName, StageName, ActionName, ArtifactName, Revision,
        ContinuationToken, EncryptionKeyId, RevisionChangeIdentifier, RevisionSummary, ExecutionSummary, ExecutionId,
        FailureType, Message,
    ];

    /// <summary>Every integer shape above, for tests that compare them with the model.</summary>
    public static IReadOnlyList<IntegerShape> AllIntegers { get; } = [MaxBatchSize, Percentage];

    private static StringShape From(TextLimit limit, bool sensitive = false) => new(limit.Shape, limit.Min, limit.Max, limit.Pattern, sensitive: sensitive);
}
