namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>The secrets the worker knows for a job: configuration values, artifact credentials and the client token.</summary>
internal static class JobSecrets
{
    public static IReadOnlyList<string> Of(JobData data, string? clientToken)
    {
        var secrets = new List<string>();
        foreach (var key in data.Configuration.Keys)
        {
            if (data.Configuration.TryGetSecretValue(key, out var value))
            {
                secrets.Add(value);
            }
        }

        if (data.ArtifactCredentials is { } credentials)
        {
            // A member CodePipeline left out is no secret to hide.
            foreach (var secret in new[] { credentials.GetAccessKeyId(), credentials.GetSecretAccessKey(), credentials.GetSessionToken() })
            {
                if (!string.IsNullOrEmpty(secret))
                {
                    secrets.Add(secret);
                }
            }
        }

        if (clientToken is not null)
        {
            secrets.Add(clientToken);
        }

        // Longest first, so that a secret containing another is replaced whole.
        secrets.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        return secrets;
    }
}
