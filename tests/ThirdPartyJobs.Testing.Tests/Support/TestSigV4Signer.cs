using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>
/// A small SigV4 signer written for the tests from the AWS specification, independent of the emulator's verifier,
/// and itself checked against AWS's published test vectors (see SigV4SignerTests).
/// </summary>
internal static class TestSigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256, lower case.</summary>
    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// The canonical request. <paramref name="headers"/> maps lower-case names to values; it is sorted here.
    /// </summary>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IReadOnlyDictionary<string, string> headers, string payloadHash)
    {
        var sorted = headers.OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        var lines = new List<string> { method, canonicalUri, canonicalQuery };
        lines.AddRange(sorted.Select(h => h.Key + ":" + h.Value.Trim()));
        lines.Add(string.Empty);
        lines.Add(string.Join(";", sorted.Select(h => h.Key)));
        lines.Add(payloadHash);
        return string.Join("\n", lines);
    }

    /// <summary>The string to sign for a canonical request.</summary>
    public static string StringToSign(string amzDate, string region, string service, string canonicalRequest) =>
        string.Join(
            "\n",
            Algorithm,
            amzDate,
            $"{amzDate[..8]}/{region}/{service}/aws4_request",
            Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The hex signature of a string to sign.</summary>
    public static string Signature(string secretKey, string amzDate, string region, string service, string stringToSign)
    {
        byte[] Mac(byte[] key, string text)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        var dateKey = Mac(Encoding.UTF8.GetBytes("AWS4" + secretKey), amzDate[..8]);
        var regionKey = Mac(dateKey, region);
        var serviceKey = Mac(regionKey, service);
        var signingKey = Mac(serviceKey, "aws4_request");
        return Convert.ToHexStringLower(Mac(signingKey, stringToSign));
    }

    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Signs a request in place: sets X-Amz-Date (and X-Amz-Security-Token) and Authorization. Signs host,
    /// x-amz-date, every x-amz-* header present, content-type, and the token when given.
    /// </summary>
    public static void Sign(HttpRequestMessage request, byte[] body, SigningParameters parameters)
    {
        var amzDate = FormatDate(parameters.Time);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (parameters.SessionToken is not null)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", parameters.SessionToken);
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.RequestUri!.Authority,
        };
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal) && (parameters.SignSessionToken || name != "x-amz-security-token"))
            {
                headers[name] = string.Join(",", header.Value);
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        var canonical = CanonicalRequest(request.Method.Method, "/", string.Empty, headers, Sha256Hex(body));
        var signature = Signature(parameters.SecretKey, amzDate, parameters.Region, parameters.Service, StringToSign(amzDate, parameters.Region, parameters.Service, canonical));
        var signedHeaders = string.Join(";", headers.Keys.Order(StringComparer.Ordinal));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{Algorithm} Credential={parameters.AccessKeyId}/{amzDate[..8]}/{parameters.Region}/{parameters.Service}/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}");
    }
}

/// <summary>What <see cref="TestSigV4Signer.Sign"/> signs with.</summary>
internal sealed record SigningParameters(string AccessKeyId, string SecretKey, string Region, string Service, DateTimeOffset Time)
{
    public string? SessionToken { get; init; }

    /// <summary>Whether X-Amz-Security-Token goes into the signed headers.</summary>
    public bool SignSessionToken { get; init; } = true;
}
