using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

// The open enumerations of CodePipeline's API model, declared together as the AWS SDK declares a service's
// constant classes (one ServiceEnumerations file): each is only its named values. Parsing, FromValue, equality
// and ToString live once, in ExtensibleEnum<TSelf>; the JSON converter writes the wire value.

/// <summary>The category of a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ActionCategory>))]
public sealed record ActionCategory : ExtensibleEnum<ActionCategory>
{
    private ActionCategory(string value) : base(value) { }

    /// <summary><c>Source</c>.</summary>
    public static ActionCategory Source { get; } = new("Source");
    /// <summary><c>Build</c>.</summary>
    public static ActionCategory Build { get; } = new("Build");
    /// <summary><c>Deploy</c>.</summary>
    public static ActionCategory Deploy { get; } = new("Deploy");
    /// <summary><c>Test</c>.</summary>
    public static ActionCategory Test { get; } = new("Test");
    /// <summary><c>Invoke</c>.</summary>
    public static ActionCategory Invoke { get; } = new("Invoke");
    /// <summary><c>Approval</c>.</summary>
    public static ActionCategory Approval { get; } = new("Approval");
    /// <summary><c>Compute</c>.</summary>
    public static ActionCategory Compute { get; } = new("Compute");
}

/// <summary>Who owns a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ActionOwner>))]
public sealed record ActionOwner : ExtensibleEnum<ActionOwner>
{
    private ActionOwner(string value) : base(value) { }

    /// <summary><c>AWS</c>.</summary>
    public static ActionOwner AWS { get; } = new("AWS");
    /// <summary><c>ThirdParty</c>.</summary>
    public static ActionOwner ThirdParty { get; } = new("ThirdParty");
    /// <summary><c>Custom</c>.</summary>
    public static ActionOwner Custom { get; } = new("Custom");
}

/// <summary>Where an artifact is stored. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ArtifactLocationType>))]
public sealed record ArtifactLocationType : ExtensibleEnum<ArtifactLocationType>
{
    private ArtifactLocationType(string value) : base(value) { }

    /// <summary><c>S3</c>.</summary>
    public static ArtifactLocationType S3 { get; } = new("S3");
}

/// <summary>The kind of key that encrypts a pipeline's artifacts. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<EncryptionKeyType>))]
public sealed record EncryptionKeyType : ExtensibleEnum<EncryptionKeyType>
{
    private EncryptionKeyType(string value) : base(value) { }

    /// <summary><c>KMS</c>.</summary>
    public static EncryptionKeyType KMS { get; } = new("KMS");
}

/// <summary>Why a job failed, as reported to CodePipeline. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<FailureType>))]
public sealed record FailureType : ExtensibleEnum<FailureType>
{
    private FailureType(string value) : base(value) { }

    /// <summary><c>JobFailed</c>.</summary>
    public static FailureType JobFailed { get; } = new("JobFailed");
    /// <summary><c>ConfigurationError</c>.</summary>
    public static FailureType ConfigurationError { get; } = new("ConfigurationError");
    /// <summary><c>PermissionError</c>.</summary>
    public static FailureType PermissionError { get; } = new("PermissionError");
    /// <summary><c>RevisionOutOfSync</c>.</summary>
    public static FailureType RevisionOutOfSync { get; } = new("RevisionOutOfSync");
    /// <summary><c>RevisionUnavailable</c>.</summary>
    public static FailureType RevisionUnavailable { get; } = new("RevisionUnavailable");
    /// <summary><c>SystemUnavailable</c>.</summary>
    public static FailureType SystemUnavailable { get; } = new("SystemUnavailable");
}

/// <summary>The status of a job, as returned when it is acknowledged. Unknown values are kept (see <see cref="ExtensibleEnum{TSelf}"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<JobStatus>))]
public sealed record JobStatus : ExtensibleEnum<JobStatus>
{
    private JobStatus(string value) : base(value) { }

    /// <summary><c>Created</c>.</summary>
    public static JobStatus Created { get; } = new("Created");
    /// <summary><c>Queued</c>.</summary>
    public static JobStatus Queued { get; } = new("Queued");
    /// <summary><c>Dispatched</c>.</summary>
    public static JobStatus Dispatched { get; } = new("Dispatched");
    /// <summary><c>InProgress</c>.</summary>
    public static JobStatus InProgress { get; } = new("InProgress");
    /// <summary><c>TimedOut</c>.</summary>
    public static JobStatus TimedOut { get; } = new("TimedOut");
    /// <summary><c>Succeeded</c>.</summary>
    public static JobStatus Succeeded { get; } = new("Succeeded");
    /// <summary><c>Failed</c>.</summary>
    public static JobStatus Failed { get; } = new("Failed");
}
