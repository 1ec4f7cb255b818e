using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThirdPartyJobs.Reliability.Tests.Fuzzing;

/// <summary>
/// Derives malformed variants of a valid response: byte-level damage (truncation, flipped,
/// inserted, deleted and duplicated bytes, invalid UTF-8) and structure-aware damage (values
/// swapped for other JSON types, members removed, renamed or duplicated, deep nesting, huge and
/// invalid strings). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class ResponseMutator(Random random)
{
    private static readonly byte[][] Tokens =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ":"u8.ToArray(), ","u8.ToArray(),
        "null"u8.ToArray(), "true"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "NaN"u8.ToArray(), "/*c*/"u8.ToArray(),
        "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\"u8.ToArray(), " \t\r\n"u8.ToArray(),
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0x7F],
    ];

    private static readonly string[] RawValues =
    [
        "\"\\ud800\"", "\"x\\udc00y\"", "\"\\ud800\\ud800\"", "\"a\\u0000b\"", "\"\\uZZZZ\"", "\"unterminated", "1e99999", "-", "01",
        "12345678901234567890123456789", "tru", "nul", "\"\"", "\"   \"", "[]", "{}", "[null]", "{\"\":\"\"}", "0", "-1.5e-7", "false",
    ];

    private static readonly byte[][] RawByteValues =
    [
        [(byte)'"', 0xC3, 0x28, (byte)'"'], [(byte)'"', 0xFF, 0xFE, (byte)'"'], [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'],
        [(byte)'"', 0xF0, 0x9F, 0x98, (byte)'"'], [(byte)'"', 0x01, 0x1F, (byte)'"'],
    ];

    private enum Kind
    {
        Truncate,
        FlipByte,
        InsertToken,
        DeleteRange,
        DuplicateRange,
        TypeSwap,
        RemoveMember,
        RenameMember,
        DuplicateMember,
        DeepNest,
        HugeString,
        RawValue,
    }

    public (byte[] Bytes, string Description) Mutate(byte[] valid)
    {
        var bytes = valid;
        var steps = new List<string>();
        var rounds = 1 + random.Next(3);
        for (var round = 0; round < rounds; round++)
        {
            var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            var (mutated, applied) = Apply(kind, bytes);
            bytes = mutated;
            steps.Add(applied);
        }

        return (bytes, string.Join(" + ", steps));
    }

    private (byte[] Bytes, string Applied) Apply(Kind kind, byte[] bytes)
    {
        if (kind >= Kind.TypeSwap)
        {
            // Structure-aware damage needs well-formed input; after byte damage fall back to a flip.
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException)
            {
                root = null;
            }

            if (root is null)
            {
                return (FlipByte(bytes), "FlipByte(fallback)");
            }

            try
            {
                return MutateTree(kind, root);
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                // JsonNode materializes lazily: earlier damage (invalid UTF-8, a duplicated key) surfaces here.
                return (FlipByte(bytes), "FlipByte(fallback)");
            }
        }

        return kind switch
        {
            Kind.Truncate => (bytes[..random.Next(bytes.Length)], "Truncate"),
            Kind.FlipByte => (FlipByte(bytes), "FlipByte"),
            Kind.InsertToken => (Insert(bytes, random.Next(bytes.Length + 1), Tokens[random.Next(Tokens.Length)]), "InsertToken"),
            Kind.DeleteRange => (DeleteRange(bytes), "DeleteRange"),
            _ => (DuplicateRange(bytes), "DuplicateRange"),
        };
    }

    private byte[] FlipByte(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, ReadOnlySpan<byte> insert)
    {
        var result = new byte[bytes.Length + insert.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        bytes.AsSpan(at).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }

    private byte[] DeleteRange(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = random.Next(bytes.Length);
        var length = 1 + random.Next(Math.Min(64, bytes.Length - start));
        return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + length)];
    }

    private byte[] DuplicateRange(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = random.Next(bytes.Length);
        var length = 1 + random.Next(Math.Min(128, bytes.Length - start));
        return Insert(bytes, random.Next(bytes.Length + 1), bytes.AsSpan(start, length));
    }

    private (byte[] Bytes, string Applied) MutateTree(Kind kind, JsonNode root)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return (Serialize(root, (null, null), []), $"{kind}(no members)");
        }

        var (parent, key, index) = slots[random.Next(slots.Count)];
        var where = key ?? $"[{index}]";
        var raw = new List<byte[]>();
        JsonObject? duplicateIn = null;
        string? duplicateKey = null;
        switch (kind)
        {
            case Kind.TypeSwap:
                Set(parent, key, index, RandomValueOfAnotherKind(Get(parent, key, index)));
                break;
            case Kind.RemoveMember:
                if (parent is JsonObject removeFrom)
                {
                    removeFrom.Remove(key!);
                }
                else
                {
                    ((JsonArray)parent).RemoveAt(index);
                }

                break;
            case Kind.RenameMember when parent is JsonObject renameIn:
                var value = renameIn[key!];
                renameIn.Remove(key!);
                var renamed = random.Next(3) switch
                {
                    0 => key!.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : "x",
                    1 => key + "x",
                    _ => "",
                };
                if (!renameIn.ContainsKey(renamed))
                {
                    renameIn[renamed] = value;
                }

                break;
            case Kind.DuplicateMember when parent is JsonObject duplicateParent:
                duplicateIn = duplicateParent;
                duplicateKey = key;
                break;
            case Kind.DeepNest:
                var nested = Get(parent, key, index)?.DeepClone();
                var depth = 20 + random.Next(60);
                for (var i = 0; i < depth; i++)
                {
                    nested = new JsonArray(nested);
                }

                Set(parent, key, index, nested);
                break;
            case Kind.HugeString:
                Set(parent, key, index, JsonValue.Create(new string('x', 1 + random.Next(random.Next(10) == 0 ? 200_000 : 5_000))));
                break;
            case Kind.RawValue:
                // A placeholder string, swapped for raw (possibly invalid) JSON text after serialization.
                var useBytes = random.Next(3) == 0;
                raw.Add(useBytes ? RawByteValues[random.Next(RawByteValues.Length)] : Encoding.UTF8.GetBytes(RawValues[random.Next(RawValues.Length)]));
                Set(parent, key, index, JsonValue.Create(Placeholder(0)));
                break;
            default:
                Set(parent, key, index, JsonValue.Create(random.Next(2) == 0));
                break;
        }

        return (Serialize(root, (duplicateIn, duplicateKey), raw), $"{kind}({where})");
    }

    private static string Placeholder(int i) => $"@@raw{i}@@";

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    slots.Add((obj, key, -1));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) => parent is JsonObject obj ? obj[key!] : ((JsonArray)parent)[index];

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    private JsonNode? RandomValueOfAnotherKind(JsonNode? current)
    {
        var currentKind = current?.GetValueKind() ?? JsonValueKind.Null;
        while (true)
        {
            JsonNode? candidate = random.Next(9) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(2) == 0),
                2 => JsonValue.Create(random.Next(-5, 1000)),
                3 => JsonValue.Create(1.5e300),
                4 => JsonValue.Create("swapped"),
                5 => new JsonObject(),
                6 => new JsonArray(),
                7 => new JsonObject { ["unexpected"] = JsonValue.Create(1) },
                _ => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(2)),
            };
            if ((candidate?.GetValueKind() ?? JsonValueKind.Null) != currentKind || random.Next(4) == 0)
            {
                return candidate;
            }
        }
    }

    private static byte[] Serialize(JsonNode root, (JsonObject? Object, string? Key) duplicate, List<byte[]> raw)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 1024 }))
        {
            Write(writer, root, duplicate);
        }

        var bytes = buffer.ToArray();
        for (var i = 0; i < raw.Count; i++)
        {
            bytes = Replace(bytes, Encoding.UTF8.GetBytes($"\"{Placeholder(i)}\""), raw[i]);
        }

        return bytes;
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, (JsonObject? Object, string? Key) duplicate)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj)
                {
                    var times = ReferenceEquals(obj, duplicate.Object) && key == duplicate.Key ? 2 : 1;
                    for (var i = 0; i < times; i++)
                    {
                        writer.WritePropertyName(key);
                        Write(writer, child, duplicate);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    Write(writer, child, duplicate);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static byte[] Replace(byte[] bytes, byte[] find, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(find);
        return at < 0 ? bytes : [.. bytes.AsSpan(0, at), .. with, .. bytes.AsSpan(at + find.Length)];
    }
}
