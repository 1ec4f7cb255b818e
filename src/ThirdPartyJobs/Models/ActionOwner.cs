using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Who owns a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ActionOwner>))]
public sealed record ActionOwner : ExtensibleEnum, IExtensibleEnum<ActionOwner>
{
    private static readonly Dictionary<string, ActionOwner> KnownValues = new(StringComparer.Ordinal);

    private ActionOwner(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>AWS</c>.</summary>
    public static ActionOwner AWS { get; } = Known("AWS");
    /// <summary><c>ThirdParty</c>.</summary>
    public static ActionOwner ThirdParty { get; } = Known("ThirdParty");
    /// <summary><c>Custom</c>.</summary>
    public static ActionOwner Custom { get; } = Known("Custom");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static ActionOwner FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(ActionOwner)), out var known) ? known : new ActionOwner(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static ActionOwner IExtensibleEnum<ActionOwner>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new ActionOwner(value, isKnown: false);

    private static ActionOwner Known(string value) => KnownValues[value] = new ActionOwner(value, isKnown: true);
}
