using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The kind of key that encrypts a pipeline's artifacts. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<EncryptionKeyType>))]
public sealed record EncryptionKeyType : ExtensibleEnum, IExtensibleEnum<EncryptionKeyType>
{
    private static readonly Dictionary<string, EncryptionKeyType> KnownValues = new(StringComparer.Ordinal);

    private EncryptionKeyType(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>KMS</c>.</summary>
    public static EncryptionKeyType KMS { get; } = Known("KMS");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static EncryptionKeyType FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(EncryptionKeyType)), out var known) ? known : new EncryptionKeyType(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static EncryptionKeyType IExtensibleEnum<EncryptionKeyType>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new EncryptionKeyType(value, isKnown: false);

    private static EncryptionKeyType Known(string value) => KnownValues[value] = new EncryptionKeyType(value, isKnown: true);
}
