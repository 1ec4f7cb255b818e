namespace ThirdPartyJobs.Testing.Signing;

/// <summary>
/// The parts of a SigV4 <c>Authorization</c> header:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/yyyyMMdd/region/service/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// </summary>
internal sealed record AuthorizationHeader(
    string Algorithm,
    string AccessKeyId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    string ScopeTerminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Sigv4Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The credential scope without the key id: <c>date/region/service/terminator</c>.</summary>
    public string Scope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/{ScopeTerminator}";

    /// <summary>Parses a header value; on failure <paramref name="error"/> says what is missing, AWS-style.</summary>
    public static bool TryParse(string value, out AuthorizationHeader? header, out string error)
    {
        header = null;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? value.Trim() : value[..space];
        if (!string.Equals(algorithm, Sigv4Algorithm, StringComparison.Ordinal))
        {
            error = $"Unsupported AWS 'algorithm': '{Truncate(algorithm)}'. The emulator accepts {Sigv4Algorithm} only.";
            return false;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            var content = part[(equals + 1)..].Trim();
            switch (name)
            {
                case "Credential": credential = content; break;
                case "SignedHeaders": signedHeaders = content; break;
                case "Signature": signature = content; break;
            }
        }

        var missing = new List<string>();
        if (string.IsNullOrEmpty(credential))
        {
            missing.Add("Authorization header requires 'Credential' parameter.");
        }

        if (string.IsNullOrEmpty(signature))
        {
            missing.Add("Authorization header requires 'Signature' parameter.");
        }

        if (string.IsNullOrEmpty(signedHeaders))
        {
            missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        }

        if (missing.Count > 0)
        {
            error = string.Join(" ", missing);
            return false;
        }

        var scope = credential!.Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty))
        {
            error = "Credential must have exactly 5 slash-separated parts: <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request.";
            return false;
        }

        header = new AuthorizationHeader(
            algorithm,
            scope[0],
            scope[1],
            scope[2],
            scope[3],
            scope[4],
            signedHeaders!.Split(';', StringSplitOptions.RemoveEmptyEntries),
            signature!);
        error = string.Empty;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
