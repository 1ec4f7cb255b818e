namespace ThirdPartyJobs;

/// <summary>
/// Removes request secrets a service might echo back (validation messages can quote input values).
/// Shared source: linked into ThirdPartyJobs, ThirdPartyJobs.Artifacts and ThirdPartyJobs.Hosting, internal in each.
/// </summary>
internal static class SecretScrubber
{
    public const string Redacted = "***";
    public const string WithheldMessage = "The service's message was withheld because it quoted a secret from the request.";
    private const int MinimumReplaceableLength = 6;

    public static string? Scrub(string? text, IReadOnlyList<string> secrets, string withheldMessage = WithheldMessage)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret) || !text.Contains(secret, StringComparison.Ordinal))
            {
                continue;
            }

            // Replacing a very short secret would mangle ordinary words, so withhold the whole message instead.
            if (secret.Length < MinimumReplaceableLength)
            {
                return withheldMessage;
            }

            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }
}
