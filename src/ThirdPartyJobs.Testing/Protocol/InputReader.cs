using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Reads members of a JSON request the way an AWS JSON 1.1 front end does: a member of the wrong JSON type is a
/// <c>SerializationException</c>; a JSON <c>null</c> counts as absent; unknown members are ignored; broken
/// constraints are collected and reported together as one <c>ValidationException</c>.
/// </summary>
internal sealed class InputReader
{
    private readonly List<string> _violations = [];

    /// <summary>Parses a request body; an empty body counts as <c>{}</c>.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return JsonDocument.Parse("{}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, JsonSettings.DocumentOptions);
        }
        catch (JsonException)
        {
            throw AwsErrors.Serialization("The request body is not valid JSON.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw AwsErrors.Serialization("The request body must be a JSON object.");
        }

        return document;
    }

    public string? String(JsonElement parent, string member, string path, StringShape shape, bool required)
    {
        if (!TryGetMember(parent, member, path, required, JsonValueKind.String, "a string", out var value))
        {
            return null;
        }

        var text = value.GetString()!;
        foreach (var broken in shape.Check(text))
        {
            _violations.Add(shape.Sensitive
                ? $"Value at '{path}' failed to satisfy constraint: {broken}"
                : $"Value '{text}' at '{path}' failed to satisfy constraint: {broken}");
        }

        return text;
    }

    public int? Integer(JsonElement parent, string member, string path, IntegerShape shape, bool required)
    {
        if (!TryGetMember(parent, member, path, required, JsonValueKind.Number, "an integer", out var value))
        {
            return null;
        }

        if (!value.TryGetInt32(out var number))
        {
            throw AwsErrors.Serialization($"The value of '{path}' is not a 32-bit integer.");
        }

        foreach (var broken in shape.Check(number))
        {
            _violations.Add($"Value '{number}' at '{path}' failed to satisfy constraint: {broken}");
        }

        return number;
    }

    /// <summary>Reads a timestamp sent as epoch seconds (fractions allowed), to the millisecond.</summary>
    public DateTimeOffset? Timestamp(JsonElement parent, string member, string path, bool required)
    {
        if (!TryGetMember(parent, member, path, required, JsonValueKind.Number, "a timestamp in epoch seconds", out var value))
        {
            return null;
        }

        if (!value.TryGetDecimal(out var seconds))
        {
            throw AwsErrors.Serialization($"The value of '{path}' is not a valid timestamp.");
        }

        var milliseconds = decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero);
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw AwsErrors.Serialization($"The value of '{path}' is out of the range of timestamps.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    /// <summary>Returns a member that must be a structure (a JSON object), or <see langword="null"/> when absent.</summary>
    public JsonElement? Structure(JsonElement parent, string member, string path, bool required)
    {
        return TryGetMember(parent, member, path, required, JsonValueKind.Object, "a structure", out var value) ? value : null;
    }

    /// <summary>
    /// Reads a map of strings (duplicate keys: the last wins), checking its size, its keys and its values (a value of
    /// a shape marked sensitive, or with no shape, is never echoed).
    /// </summary>
    public Dictionary<string, string>? Map(JsonElement parent, string member, string path, StringShape keyShape, StringShape? valueShape, int? maxEntries, bool required)
    {
        if (!TryGetMember(parent, member, path, required, JsonValueKind.Object, "a map", out var value))
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw WrongType(path + "." + entry.Name, entry.Value, "a string");
            }

            map[entry.Name] = entry.Value.GetString()!;
        }

        if (maxEntries is { } max && map.Count > max)
        {
            _violations.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }

        foreach (var (key, text) in map)
        {
            foreach (var broken in keyShape.Check(key))
            {
                _violations.Add($"Value '{key}' at '{path}' failed to satisfy constraint: Map keys must satisfy constraint: [{broken}]");
            }

            foreach (var broken in valueShape?.Check(text) ?? [])
            {
                _violations.Add(valueShape!.Sensitive
                    ? $"Value at '{path}.{key}' failed to satisfy constraint: Map value must satisfy constraint: [{broken}]"
                    : $"Value '{text}' at '{path}.{key}' failed to satisfy constraint: Map value must satisfy constraint: [{broken}]");
            }
        }

        return map;
    }

    /// <summary>Adds a broken rule that is not a shape constraint (e.g. members that exclude each other).</summary>
    public void AddViolation(string message) => _violations.Add(message);

    /// <summary>Throws one <c>ValidationException</c> listing every broken constraint, if there are any.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw AwsErrors.Validation(_violations);
        }
    }

    private static AwsException WrongType(string path, JsonElement value, string expected) =>
        AwsErrors.Serialization($"Unexpected JSON {value.ValueKind.ToString().ToUpperInvariant()} for '{path}': expected {expected}.");

    /// <summary>
    /// Finds a member that is present and not null, of the JSON kind its shape needs (another kind is a
    /// <c>SerializationException</c>); an absent required member is a violation.
    /// </summary>
    private bool TryGetMember(JsonElement parent, string member, string path, bool required, JsonValueKind kind, string expected, out JsonElement value)
    {
        if (parent.TryGetProperty(member, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return value.ValueKind == kind ? true : throw WrongType(path, value, expected);
        }

        if (required)
        {
            _violations.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }

        return false;
    }
}
