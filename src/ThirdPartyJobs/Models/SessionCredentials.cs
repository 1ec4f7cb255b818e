using System.Diagnostics;
using Amazon.Runtime;

namespace ThirdPartyJobs;

/// <summary>
/// The temporary AWS credentials CodePipeline hands a job for reading and writing its artifacts.
/// They are secret: <see cref="ToString"/>, the debugger and JSON serialization show only
/// <see cref="AccessKeyIdPrefix"/>. Get the values through <see cref="ToAwsCredentials"/> or the
/// explicit <c>Get…</c> methods.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SessionCredentials : IEquatable<SessionCredentials>
{
    private const int VisiblePrefixLength = 4;

    private readonly string _accessKeyId;
    private readonly string _secretAccessKey;
    private readonly string _sessionToken;

    /// <summary>Creates session credentials.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token.</param>
    /// <exception cref="ArgumentException">A value is null or empty.</exception>
    public SessionCredentials(string accessKeyId, string secretAccessKey, string sessionToken)
    {
        // Deliberately no values in these messages: the arguments are secrets.
        _accessKeyId = string.IsNullOrEmpty(accessKeyId) ? throw new ArgumentException("The access key id must not be empty.", nameof(accessKeyId)) : accessKeyId;
        _secretAccessKey = string.IsNullOrEmpty(secretAccessKey) ? throw new ArgumentException("The secret access key must not be empty.", nameof(secretAccessKey)) : secretAccessKey;
        _sessionToken = string.IsNullOrEmpty(sessionToken) ? throw new ArgumentException("The session token must not be empty.", nameof(sessionToken)) : sessionToken;
    }

    /// <summary>The first characters of the access key id (enough to tell a temporary <c>ASIA…</c> key apart), never the whole id.</summary>
    public string AccessKeyIdPrefix =>
        _accessKeyId.Length <= VisiblePrefixLength ? "…" : string.Concat(_accessKeyId.AsSpan(0, VisiblePrefixLength), "…");

    /// <summary>Returns the credentials as AWS SDK credentials, e.g. for an <c>AmazonS3Client</c>.</summary>
    public SessionAWSCredentials ToAwsCredentials() => new(_accessKeyId, _secretAccessKey, _sessionToken);

    /// <summary>Returns the access key id.</summary>
    public string GetAccessKeyId() => _accessKeyId;

    /// <summary>Returns the secret access key.</summary>
    public string GetSecretAccessKey() => _secretAccessKey;

    /// <summary>Returns the session token.</summary>
    public string GetSessionToken() => _sessionToken;

    /// <summary>Returns a redacted description: <c>SessionCredentials { AccessKeyId = ASIA…, SecretAccessKey = ***, SessionToken = *** }</c>.</summary>
    public override string ToString() => $"SessionCredentials {{ AccessKeyId = {AccessKeyIdPrefix}, SecretAccessKey = ***, SessionToken = *** }}";

    /// <inheritdoc/>
    public bool Equals(SessionCredentials? other) =>
        other is not null
        && string.Equals(_accessKeyId, other._accessKeyId, StringComparison.Ordinal)
        && string.Equals(_secretAccessKey, other._secretAccessKey, StringComparison.Ordinal)
        && string.Equals(_sessionToken, other._sessionToken, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SessionCredentials);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_accessKeyId);
}
