namespace ThirdPartyJobs.Testing;

/// <summary>
/// A third-party action type registered with an emulator by <see cref="CodePipelineEmulator.RegisterActionType"/>:
/// its identity, the client id that polls report, the secret client token that job calls must present, and the
/// job timeout.
/// </summary>
public sealed class RegisteredActionType
{
    internal RegisteredActionType(string category, string owner, string provider, string version, string clientId, string clientToken, TimeSpan jobTimeout)
    {
        Category = category;
        Owner = owner;
        Provider = provider;
        Version = version;
        ClientId = clientId;
        ClientToken = clientToken;
        JobTimeout = jobTimeout;
    }

    /// <summary>The action category, e.g. <c>Build</c>.</summary>
    public string Category { get; }

    /// <summary>The owner, normally <c>ThirdParty</c>.</summary>
    public string Owner { get; }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The action type version.</summary>
    public string Version { get; }

    /// <summary>The client id (a UUID) that <c>PollForThirdPartyJobs</c> returns with each job of this type.</summary>
    public string ClientId { get; }

    /// <summary>The secret client token that job calls for jobs of this type must present.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Secret: never serialized.
    public string ClientToken { get; }

    /// <summary>How long after its first dispatch a job of this type without a result times out.</summary>
    public TimeSpan JobTimeout { get; }

    /// <summary>Names the action type and its client id; the client token is never shown.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"{Category}/{Owner}/{Provider}/{Version} (client {ClientId})";

    internal bool Matches(string category, string owner, string provider, string version) =>
        string.Equals(Category, category, StringComparison.Ordinal)
        && string.Equals(Owner, owner, StringComparison.Ordinal)
        && string.Equals(Provider, provider, StringComparison.Ordinal)
        && string.Equals(Version, version, StringComparison.Ordinal);
}
