using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.Signing;

/// <summary>
/// Verifies the AWS Signature Version 4 of a request against the configured credentials, and rejects a request
/// with the error AWS would answer: <c>MissingAuthenticationTokenException</c>,
/// <c>IncompleteSignatureException</c>, <c>UnrecognizedClientException</c> or <c>InvalidSignatureException</c>.
/// </summary>
internal sealed class SigV4Verifier
{
    public const string Service = "codepipeline";
    private const string Terminator = "aws4_request";
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, EmulatorCredential> _credentials;
    private readonly string _region;
    private readonly TimeProvider _time;

    public SigV4Verifier(IEnumerable<EmulatorCredential> credentials, string region, TimeProvider time)
    {
        _credentials = credentials.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
        _region = region;
        _time = time;
    }

    /// <summary>Returns when the request is properly signed; throws the matching <see cref="AwsException"/> when not.</summary>
    /// <param name="request">The request; its headers are read.</param>
    /// <param name="rawTarget">The request target as sent (path and query, still URI-encoded).</param>
    /// <param name="body">The request body.</param>
    public void Verify(HttpRequest request, string rawTarget, ReadOnlySpan<byte> body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            throw AwsErrors.MissingAuthenticationToken();
        }

        if (!AuthorizationHeader.TryParse(authorization, out var header, out var error))
        {
            throw AwsErrors.IncompleteSignature(error);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, SigV4Canonicalizer.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var requestTime))
        {
            throw AwsErrors.IncompleteSignature(
                "Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMddTHHmmssZ); the emulator does not accept 'Date' instead.");
        }

        if (!_credentials.TryGetValue(header!.AccessKeyId, out var credential))
        {
            throw AwsErrors.UnrecognizedClient();
        }

        CheckScope(header, amzDate);
        var signedHeaderNames = header.SignedHeaders.Select(SigV4Canonicalizer.HeaderName).Order(StringComparer.Ordinal).ToList();
        if (!signedHeaderNames.Contains("host"))
        {
            throw AwsErrors.InvalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (!signedHeaderNames.Contains("x-amz-date"))
        {
            throw AwsErrors.InvalidSignature("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }

        CheckSkew(requestTime, amzDate);
        CheckSessionToken(request, credential, signedHeaderNames);

        var payloadHash = SigV4Canonicalizer.HexSha256(body);
        var declaredHash = request.Headers["x-amz-content-sha256"].ToString();
        if (declaredHash.Length > 0 && !string.Equals(declaredHash, payloadHash, StringComparison.Ordinal))
        {
            throw AwsErrors.InvalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        var rawQuery = query < 0 ? null : rawTarget[(query + 1)..];
        var canonicalHeaders = signedHeaderNames
            .Select(name => (name, SigV4Canonicalizer.CanonicalHeaderValue(string.Join(',', request.Headers[name].Select(v => v ?? string.Empty)))))
            .ToList();
        var canonicalRequest = SigV4Canonicalizer.CanonicalRequest(
            request.Method, SigV4Canonicalizer.CanonicalUri(rawPath), SigV4Canonicalizer.CanonicalQuery(rawQuery), canonicalHeaders, payloadHash);
        var stringToSign = SigV4Canonicalizer.StringToSign(amzDate, header.Scope, canonicalRequest);
        var expected = SigV4Canonicalizer.Signature(credential.SecretAccessKey, header.ScopeDate, header.ScopeRegion, header.ScopeService, stringToSign);
        var provided = header.Signature.Length == expected.Length * 2 ? HexBytes(header.Signature) : [];
        if (!CryptographicOperations.FixedTimeEquals(expected, provided))
        {
            throw AwsErrors.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + "Consult the service documentation for details.\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
    }

    private static byte[] HexBytes(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static void CheckSessionToken(HttpRequest request, EmulatorCredential credential, List<string> signedHeaderNames)
    {
        var token = request.Headers["X-Amz-Security-Token"].ToString();
        if (credential.SessionToken is null)
        {
            if (token.Length > 0)
            {
                throw AwsErrors.UnrecognizedClient();
            }

            return;
        }

        if (token.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(credential.SessionToken)))
        {
            throw AwsErrors.UnrecognizedClient();
        }

        if (!signedHeaderNames.Contains("x-amz-security-token"))
        {
            throw AwsErrors.InvalidSignature("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    private void CheckScope(AuthorizationHeader header, string amzDate)
    {
        if (!string.Equals(header.ScopeDate, amzDate[..8], StringComparison.Ordinal))
        {
            throw AwsErrors.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{header.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        if (!string.Equals(header.ScopeRegion, _region, StringComparison.Ordinal))
        {
            throw AwsErrors.InvalidSignature($"Credential should be scoped to a valid region, not '{header.ScopeRegion}'. This endpoint serves '{_region}'.");
        }

        if (!string.Equals(header.ScopeService, Service, StringComparison.Ordinal))
        {
            throw AwsErrors.InvalidSignature($"Credential should be scoped to correct service: '{Service}'. ");
        }

        if (!string.Equals(header.ScopeTerminator, Terminator, StringComparison.Ordinal))
        {
            throw AwsErrors.InvalidSignature($"Credential should be scoped with a valid terminator: '{Terminator}', not '{header.ScopeTerminator}'. ");
        }
    }

    private void CheckSkew(DateTimeOffset requestTime, string amzDate)
    {
        var now = _time.GetUtcNow();
        if (requestTime < now - MaxSkew)
        {
            throw AwsErrors.InvalidSignature(
                $"Signature expired: {amzDate} is now earlier than {Format(now - MaxSkew)} ({Format(now)} - 15 min.)");
        }

        if (requestTime > now + MaxSkew)
        {
            throw AwsErrors.InvalidSignature(
                $"Signature not yet current: {amzDate} is still later than {Format(now + MaxSkew)} ({Format(now)} + 15 min.)");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(SigV4Canonicalizer.DateFormat, CultureInfo.InvariantCulture);
}
