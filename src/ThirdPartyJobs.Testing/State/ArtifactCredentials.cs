using System.Security.Cryptography;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// The temporary credentials a job hands the worker for its artifact bucket (<c>data.artifactCredentials</c>).
/// The emulator never checks them; they only travel in job details.
/// </summary>
public sealed class ArtifactCredentials
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Creates artifact credentials.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token.</param>
    public ArtifactCredentials(string accessKeyId, string secretAccessKey, string sessionToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentException.ThrowIfNullOrEmpty(sessionToken);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
    }

    /// <summary>The access key id.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Sensitive in the CodePipeline model too.
    public string AccessKeyId { get; }

    /// <summary>The secret access key.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Secret, even in a test fixture: never serialized.
    public string SecretAccessKey { get; }

    /// <summary>The session token.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SessionToken { get; }

    /// <summary>Fake credentials shaped like real temporary ones (<c>ASIA…</c> key id, 40-character secret), for a job spec without any.</summary>
    internal static ArtifactCredentials Generate()
    {
        var keyId = "ASIA" + RandomNumberGenerator.GetString(Upper, 16);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var token = "FwoGZXIvYXdzE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(180));
        return new ArtifactCredentials(keyId, secret, token);
    }

    /// <summary>Names the access key id only; the secret and the session token are never shown.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"{(AccessKeyId.Length > 4 ? AccessKeyId[..4] : string.Empty)}… (secret and session token redacted)";
}
