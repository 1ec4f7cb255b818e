using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Where an artifact is stored. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ArtifactLocationType>))]
public sealed record ArtifactLocationType : ExtensibleEnum<ArtifactLocationType>
{
    private ArtifactLocationType(string value) : base(value) { }

    /// <summary><c>S3</c>.</summary>
    public static ArtifactLocationType S3 { get; } = new("S3");
}
