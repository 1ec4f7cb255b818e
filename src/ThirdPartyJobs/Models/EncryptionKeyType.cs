using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The kind of key that encrypts a pipeline's artifacts. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<EncryptionKeyType>))]
public sealed record EncryptionKeyType : ExtensibleEnum<EncryptionKeyType>
{
    private EncryptionKeyType(string value) : base(value) { }

    /// <summary><c>KMS</c>.</summary>
    public static EncryptionKeyType KMS { get; } = new("KMS");
}
