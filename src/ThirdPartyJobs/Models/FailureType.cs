using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Why a job failed, as reported to CodePipeline. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
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
