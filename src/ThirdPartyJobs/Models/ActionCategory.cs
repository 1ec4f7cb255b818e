using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The category of a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
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
