using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Serializes an open enumeration as its wire string.</summary>
internal sealed class ExtensibleEnumJsonConverter<T> : JsonConverter<T> where T : ExtensibleEnum<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ExtensibleEnum<T>.FromValue(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
