using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The category of a CodePipeline action type. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ActionCategory>))]
public sealed record ActionCategory : ExtensibleEnum, IExtensibleEnum<ActionCategory>
{
    private static readonly Dictionary<string, ActionCategory> KnownValues = new(StringComparer.Ordinal);

    private ActionCategory(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>Source</c>.</summary>
    public static ActionCategory Source { get; } = Known("Source");
    /// <summary><c>Build</c>.</summary>
    public static ActionCategory Build { get; } = Known("Build");
    /// <summary><c>Deploy</c>.</summary>
    public static ActionCategory Deploy { get; } = Known("Deploy");
    /// <summary><c>Test</c>.</summary>
    public static ActionCategory Test { get; } = Known("Test");
    /// <summary><c>Invoke</c>.</summary>
    public static ActionCategory Invoke { get; } = Known("Invoke");
    /// <summary><c>Approval</c>.</summary>
    public static ActionCategory Approval { get; } = Known("Approval");
    /// <summary><c>Compute</c>.</summary>
    public static ActionCategory Compute { get; } = Known("Compute");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static ActionCategory FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(ActionCategory)), out var known) ? known : new ActionCategory(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static ActionCategory IExtensibleEnum<ActionCategory>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new ActionCategory(value, isKnown: false);

    private static ActionCategory Known(string value) => KnownValues[value] = new ActionCategory(value, isKnown: true);
}
