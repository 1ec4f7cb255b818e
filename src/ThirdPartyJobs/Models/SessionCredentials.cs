using System.Diagnostics;
using System.Text.Json.Serialization;
using Amazon.Runtime;

namespace ThirdPartyJobs;

/// <summary>
/// The temporary AWS credentials CodePipeline hands a job for reading and writing its artifacts.
/// They are secret: <see cref="ToString"/>, the debugger and JSON serialization show only
/// the first characters of the access key id. Get the values through <see cref="ToAwsCredentials"/> or the
/// explicit <c>Get…</c> methods. Equal when all three values are. The API model calls all three required, but a client keeps what
/// the service sends: a value it leaves out is null. Build one for tests with
/// <see cref="ThirdPartyJobsModelFactory.SessionCredentials"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record SessionCredentials
{
    private const int VisiblePrefixLength = 4;

    private readonly string? _accessKeyId;
    private readonly string? _secretAccessKey;
    private readonly string? _sessionToken;

    internal SessionCredentials(string? accessKeyId, string? secretAccessKey, string? sessionToken) =>
        (_accessKeyId, _secretAccessKey, _sessionToken) = (accessKeyId, secretAccessKey, sessionToken);

    // The first characters of the access key id (enough to tell a temporary ASIA… key apart), never the whole id;
    // the one member a JSON dump shows.
    [JsonInclude]
    internal string AccessKeyIdPrefix =>
        _accessKeyId is null || _accessKeyId.Length <= VisiblePrefixLength ? "…" : string.Concat(_accessKeyId.AsSpan(0, VisiblePrefixLength), "…");

    /// <summary>Returns the credentials as AWS SDK credentials, e.g. for an <c>AmazonS3Client</c>: session credentials, or basic ones when the service sent no session token.</summary>
    /// <exception cref="InvalidOperationException">The service sent no access key id or no secret access key.</exception>
    public AWSCredentials ToAwsCredentials()
    {
        if (string.IsNullOrEmpty(_accessKeyId) || string.IsNullOrEmpty(_secretAccessKey))
        {
            // No values in this message: they are secrets.
            throw new InvalidOperationException("The artifact credentials are incomplete: CodePipeline sent no access key id or no secret access key.");
        }

        return string.IsNullOrEmpty(_sessionToken)
            ? new BasicAWSCredentials(_accessKeyId, _secretAccessKey)
            : new SessionAWSCredentials(_accessKeyId, _secretAccessKey, _sessionToken);
    }

    /// <summary>Returns the access key id; null when the service sent none.</summary>
    public string? GetAccessKeyId() => _accessKeyId;

    /// <summary>Returns the secret access key; null when the service sent none.</summary>
    public string? GetSecretAccessKey() => _secretAccessKey;

    /// <summary>Returns the session token; null when the service sent none.</summary>
    public string? GetSessionToken() => _sessionToken;

    /// <summary>Returns a redacted description: <c>SessionCredentials { AccessKeyId = ASIA…, SecretAccessKey = ***, SessionToken = *** }</c>.</summary>
    public override string ToString() => $"SessionCredentials {{ AccessKeyId = {AccessKeyIdPrefix}, SecretAccessKey = ***, SessionToken = *** }}";
}
