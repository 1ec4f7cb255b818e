using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Where an artifact is stored. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ArtifactLocationType>))]
public sealed record ArtifactLocationType : ExtensibleEnum, IExtensibleEnum<ArtifactLocationType>
{
    private static readonly Dictionary<string, ArtifactLocationType> KnownValues = new(StringComparer.Ordinal);

    private ArtifactLocationType(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>S3</c>.</summary>
    public static ArtifactLocationType S3 { get; } = Known("S3");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static ArtifactLocationType FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(ArtifactLocationType)), out var known) ? known : new ArtifactLocationType(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static ArtifactLocationType IExtensibleEnum<ArtifactLocationType>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new ArtifactLocationType(value, isKnown: false);

    private static ArtifactLocationType Known(string value) => KnownValues[value] = new ArtifactLocationType(value, isKnown: true);
}
