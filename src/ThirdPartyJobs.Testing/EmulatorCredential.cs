namespace ThirdPartyJobs.Testing;

/// <summary>
/// An AWS credential that the emulator accepts: requests signed with it (SigV4) are let through. When
/// <see cref="SessionToken"/> is set, requests must also carry it in a signed <c>X-Amz-Security-Token</c> header.
/// </summary>
public sealed class EmulatorCredential
{
    /// <summary>The access key id of <see cref="Default"/>. A fixed, well-known test value, not a real key.</summary>
    public const string DefaultAccessKeyId = "AKIAEMULATORTESTKEY1";

    /// <summary>The secret access key of <see cref="Default"/>. A fixed, well-known test value, not a real key.</summary>
    public const string DefaultSecretAccessKey = "emuLATORtestSECRETkey/0123456789abcdEXMPL";

    /// <summary>Creates a credential.</summary>
    /// <param name="accessKeyId">The access key id that requests name in their <c>Credential=</c> scope.</param>
    /// <param name="secretAccessKey">The secret that the requests are signed with.</param>
    /// <param name="sessionToken">The session token of a temporary credential, or <see langword="null"/>.</param>
    public EmulatorCredential(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        if (accessKeyId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("An access key id cannot contain '/'.", nameof(accessKeyId));
        }

        if (sessionToken is not null && sessionToken.Length == 0)
        {
            throw new ArgumentException("A session token cannot be empty; pass null for none.", nameof(sessionToken));
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
    }

    /// <summary>The fixed test credential that an emulator accepts unless its options name others.</summary>
    public static EmulatorCredential Default { get; } = new(DefaultAccessKeyId, DefaultSecretAccessKey);

    /// <summary>The access key id.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Sensitive in the CodePipeline model too.
    public string AccessKeyId { get; }

    /// <summary>The secret access key.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Secret, even in a test fixture: never serialized.
    public string SecretAccessKey { get; }

    /// <summary>The session token of a temporary credential, or <see langword="null"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SessionToken { get; }

    /// <summary>Shows a 4-character prefix of the access key id; the secret and the session token are never shown.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"{(AccessKeyId.Length > 4 ? AccessKeyId[..4] : string.Empty)}… (secret redacted)";
}
