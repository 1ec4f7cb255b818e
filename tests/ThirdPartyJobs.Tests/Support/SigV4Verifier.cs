using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// Recomputes the AWS Signature Version 4 of a recorded request from the secret key, the way
/// the service does, so tests can check that the signature is valid and not just present.
/// </summary>
internal static partial class SigV4Verifier
{
    public static SigV4Header Parse(string authorization)
    {
        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            throw new FormatException("Not a SigV4 Authorization header: " + authorization);
        }

        return new SigV4Header(
            match.Groups["akid"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["signed"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    /// <summary>Whether the request's signature is what <paramref name="secretAccessKey"/> produces.</summary>
    public static bool IsValid(CannedRequest request, string secretAccessKey)
    {
        var header = Parse(request.Header("Authorization"));
        var amzDate = request.Header("X-Amz-Date");
        var payloadHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        var canonicalHeaders = string.Concat(header.SignedHeaders.Select(name => name + ":" + WhiteSpace().Replace(request.Header(name).Trim(), " ") + "\n"));
        var canonicalRequest = string.Join("\n", request.Method, request.Path, "", canonicalHeaders, string.Join(";", header.SignedHeaders), payloadHash);
        var scope = $"{header.Date}/{header.Region}/{header.Service}/aws4_request";
        var stringToSign = string.Join("\n", "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), header.Date);
        key = Hmac(key, header.Region);
        key = Hmac(key, header.Service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return string.Equals(expected, header.Signature, StringComparison.Ordinal)
            && string.Equals(request.Header("X-Amz-Content-SHA256"), payloadHash, StringComparison.Ordinal);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<akid>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>The parts of a SigV4 Authorization header.</summary>
internal sealed record SigV4Header(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);
