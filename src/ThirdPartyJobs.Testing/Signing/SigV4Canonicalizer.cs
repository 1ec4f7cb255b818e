using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Testing.Signing;

/// <summary>
/// The pieces of AWS Signature Version 4: canonical URI, query and headers, canonical request, string to sign,
/// signing key and signature, as the SigV4 specification defines them.
/// </summary>
internal static partial class SigV4Canonicalizer
{
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IReadOnlyList<(string Name, string Value)> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(canonicalUri).Append('\n');
        builder.Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders.Select(h => h.Name))).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        AuthorizationHeader.Sigv4Algorithm + "\n" + amzDate + "\n" + scope + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    public static byte[] Signature(string secretAccessKey, string scopeDate, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), scopeDate);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hmac(key, stringToSign);
    }

    /// <summary>
    /// The canonical URI of a path as it came on the wire (already URI-encoded once): each segment is encoded
    /// again, as SigV4 requires for every service but S3.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath) || rawPath == "/")
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(UriEncode));
    }

    /// <summary>The canonical query string: each name and value decoded then encoded, sorted by name then value.</summary>
    public static string CanonicalQuery(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || rawQuery == "?")
        {
            return string.Empty;
        }

        var pairs = rawQuery.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>A header name as SigV4 canonicalizes it: trimmed and lower-cased.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase", Justification = "SigV4 defines canonical header names as lower case.")]
    public static string HeaderName(string name) => name.Trim().ToLowerInvariant();

    /// <summary>A header value as SigV4 canonicalizes it: trimmed, runs of spaces collapsed into one.</summary>
    public static string CanonicalHeaderValue(string value) => Spaces().Replace(value.Trim(), " ");

    /// <summary>Encodes every byte but the unreserved characters <c>A-Z a-z 0-9 - _ . ~</c> as <c>%XX</c>.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => LowerHex(SHA256.HashData(data));

    public static string LowerHex(ReadOnlySpan<byte> bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
