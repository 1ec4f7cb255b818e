using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// What an error body says: its code (<c>__type</c> or <c>code</c>) and message (<c>message</c>, <c>Message</c> or
/// <c>errorMessage</c>), or that it is not JSON (a proxy's page, never quoted: it may echo secrets).
/// </summary>
internal readonly record struct ErrorBody(string? Code, string? Message, bool NotJson)
{
    /// <summary>
    /// Reads the members of a (possibly truncated) error body. A truncated body is read as far as
    /// it goes: a code or message that is complete within it is kept, the rest is ignored.
    /// </summary>
    public static ErrorBody Read(ReadOnlySpan<byte> body, bool truncated)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return default;
        }

        string? code = null, message = null;
        var reader = new Utf8JsonReader(body, isFinalBlock: !truncated, new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ErrorBody(null, null, NotJson: true);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("__type"u8) || (code is null && reader.ValueTextEquals("code"u8));
                var isMessage = reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8) || reader.ValueTextEquals("errorMessage"u8);
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.String && (isCode || isMessage))
                {
                    var text = reader.GetString();
                    if (isCode)
                    {
                        code = text;
                    }
                    else
                    {
                        message = text;
                    }
                }
                else if (!reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Not JSON (an HTML page from a proxy) or broken JSON: keep what was read.
            return new ErrorBody(code, message, NotJson: code is null && message is null);
        }

        return new ErrorBody(code, message, NotJson: false);
    }
}
