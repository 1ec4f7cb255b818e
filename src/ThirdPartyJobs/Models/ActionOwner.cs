using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Who owns a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
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
