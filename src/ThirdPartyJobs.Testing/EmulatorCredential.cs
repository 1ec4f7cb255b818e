using System.Security.Cryptography;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// An AWS credential of the emulated world, used two ways: one the emulator accepts for SigV4-signed requests
/// (<see cref="CodePipelineEmulatorOptions.Credentials"/>; with a <see cref="SessionToken"/>, requests must also carry
/// it in a signed <c>X-Amz-Security-Token</c> header), or the temporary one a job hands its worker for the artifact
/// bucket (<see cref="JobSpec.ArtifactCredentials"/>, <c>data.artifactCredentials</c>; never checked by the emulator).
/// </summary>
public sealed class EmulatorCredential
{
    /// <summary>The access key id of <see cref="Default"/>. A fixed, well-known test value, not a real key.</summary>
    internal const string DefaultAccessKeyId = "AKIAEMULATORTESTKEY1";

    /// <summary>The secret access key of <see cref="Default"/>. A fixed, well-known test value, not a real key.</summary>
    internal const string DefaultSecretAccessKey = "emuLATORtestSECRETkey/0123456789abcdEXMPL";

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Creates a credential.</summary>
    /// <param name="accessKeyId">The access key id (requests name it in their <c>Credential=</c> scope, so it cannot contain <c>/</c>).</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of a temporary credential, or <see langword="null"/> (artifact credentials need one).</param>
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
    public override string ToString() => $"{(AccessKeyId.Length > 4 ? AccessKeyId[..4] : string.Empty)}… (secret and session token redacted)";

    /// <summary>Fake artifact credentials shaped like real temporary ones (<c>ASIA…</c> key id, 40-character secret), for a job spec without any.</summary>
    internal static EmulatorCredential GenerateTemporary()
    {
        var keyId = "ASIA" + RandomNumberGenerator.GetString(Base32, 16);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var token = "FwoGZXIvYXdzE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(180));
        return new EmulatorCredential(keyId, secret, token);
    }
}
