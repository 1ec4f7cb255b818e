using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// A forward-only reader over one response body that applies the AWS SDKs' rule for output in one
/// place: absent or null members are absent values, unknown members are skipped, a member sent twice
/// keeps its last value, null list elements and null map values are dropped (as the AWS SDK for
/// JavaScript does), and any string is kept, an empty one included. Only JSON that is not well-formed,
/// or a member of a JSON type with no sensible reading (a number where an object or string belongs),
/// is a <see cref="MalformedResponseException"/>; its message names the JSON path, never the body.
/// </summary>
internal ref struct JsonCursor
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    private readonly ParseContext _context;
    private Utf8JsonReader _reader;
    private Path _path;
    private int _depth;

    private JsonCursor(ReadOnlySpan<byte> body, in ParseContext context)
    {
        _context = context;
        _reader = new Utf8JsonReader(body, ReaderOptions);
    }

    /// <summary>Reads the value at the cursor (one shape's reader).</summary>
    public delegate T Reader<out T>(ref JsonCursor cursor);

    /// <summary>
    /// Parses a whole body whose top level is an object with one member that holds the answer (<c>jobDetails</c>,
    /// <c>jobs</c>, <c>status</c>: every CodePipeline output this library reads). An empty body reads as <c>{}</c>,
    /// as the SDKs read it; a missing member is <paramref name="absent"/>.
    /// </summary>
    public static T Parse<T>(ReadOnlySpan<byte> body, in ParseContext context, MemberNames envelope, Reader<T> readMember, T absent)
    {
        var cursor = new JsonCursor(body.IsEmpty ? "{}"u8 : body, context);
        try
        {
            if (!cursor._reader.Read())
            {
                throw context.Malformed("The response body holds no JSON value.");
            }

            if (cursor._reader.TokenType != JsonTokenType.StartObject)
            {
                throw context.WrongType("$", "an object", cursor._reader.TokenType);
            }

            cursor.Enter();
            var result = absent;
            while (cursor.Next(envelope, out _))
            {
                result = readMember(ref cursor);
            }

            // Anything after the top-level object (other than white space) makes the reader throw, mapped below.
            if (cursor._reader.Read())
            {
                throw context.Malformed("The response body has content after its JSON object.");
            }

            return result;
        }
        catch (JsonException error)
        {
            throw context.InvalidJson(error);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.ValueTextEquals throws this for a property name with an invalid escape (\udc00).
            throw context.InvalidText();
        }
    }

    /// <summary>Moves onto the value of the current object's next known member (unknown ones are skipped, as the SDKs do); false at the object's end.</summary>
    /// <param name="names">The shape's member names.</param>
    /// <param name="member">The member's index in <paramref name="names"/>.</param>
    public bool Next(MemberNames names, out int member)
    {
        while (true)
        {
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                _depth--;
                member = -1;
                return false;
            }

            member = names.IndexOf(ref _reader);
            _reader.Read();
            if (member >= 0)
            {
                _path[_depth - 1] = names.Names[member];
                return true;
            }

            _reader.Skip();
        }
    }

    /// <summary>A string member: null when absent or null; any string, an empty one included, is kept.</summary>
    public string? String() =>
        _reader.TokenType switch
        {
            JsonTokenType.String => Text(),
            JsonTokenType.Null => null,
            _ => throw _context.WrongType(PathText(), "a string", _reader.TokenType),
        };

    /// <summary>An enumeration member: null when absent or null; an unknown value (an empty one included) is kept.</summary>
    public T? Enum<T>()
        where T : ExtensibleEnum<T> =>
        String() is { } value ? ExtensibleEnum<T>.FromWire(value) : null;

    /// <summary>A structure member: null when null; otherwise read by <paramref name="read"/>, which loops over <see cref="Next"/>.</summary>
    public T? Object<T>(Reader<T> read)
        where T : class
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireObject();
        Enter();
        return read(ref this);
    }

    /// <summary>A list of structures: empty when absent or null; null elements are dropped.</summary>
    public IReadOnlyList<T> List<T>(Reader<T> readElement)
        where T : class
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return ReadOnlyCollection<T>.Empty;
        }

        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw _context.WrongType(PathText(), "an array", _reader.TokenType);
        }

        List<T>? items = null;
        Push("[]");
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            if (Object(readElement) is { } item)
            {
                (items ??= []).Add(item);
            }
        }

        _depth--;
        return items is null ? ReadOnlyCollection<T>.Empty : items.AsReadOnly();
    }

    /// <summary>A map of strings: empty when absent or null; a key sent twice keeps its last value; a null value drops the key.</summary>
    public Dictionary<string, string>? Map()
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        RequireObject();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Push("<key>");
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            _path[_depth - 1] = "<key>";
            var key = Text();
            _reader.Read();

            // The value is secret: errors name the key's path, never the value.
            _path[_depth - 1] = "<value>";
            if (String() is { } value)
            {
                values[key] = value;
            }
            else
            {
                values.Remove(key);
            }
        }

        _depth--;
        return values;
    }

    private void RequireObject()
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw _context.WrongType(PathText(), "an object", _reader.TokenType);
        }
    }

    private void Enter() => Push(null);

    private void Push(string? segment) => _path[_depth++] = segment;

    // Utf8JsonReader.Read accepts invalid UTF-8 and lone surrogate escapes (\ud800) inside strings;
    // GetString then throws InvalidOperationException, not JsonException.
    private string Text()
    {
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw _context.InvalidText(PathText());
        }
    }

    // The JSON path of the current value, built only for an error message: a success allocates no path strings.
    private readonly string PathText()
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            if (_path[i] is { } segment)
            {
                text.Append(segment == "[]" ? "" : ".").Append(segment);
            }
        }

        return text.ToString();
    }

    [InlineArray(34)]
    private struct Path
    {
        private string? _segment;
    }
}
