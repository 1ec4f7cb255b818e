using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// An action type registered with an emulator by <see cref="CodePipelineEmulator.RegisterActionType"/>: its
/// identity, the client id that polls report and the secret client token that job calls must present (third-party
/// action types), the queryable property (custom action types), and the job timeout. An action type owned by
/// <c>Custom</c> is served by the custom-action operations (<c>PollForJobs</c>, ...), any other by the third-party
/// ones (<c>PollForThirdPartyJobs</c>, ...).
/// </summary>
public sealed class RegisteredActionType
{
    internal RegisteredActionType(ActionTypeKey key, string clientId, string clientToken, TimeSpan jobTimeout, string? queryableProperty)
    {
        Key = key;
        ClientId = clientId;
        ClientToken = clientToken;
        JobTimeout = jobTimeout;
        QueryableProperty = queryableProperty;
    }

    internal const string CustomOwner = "Custom";

    /// <summary>The action category, e.g. <c>Build</c>.</summary>
    public string Category => Key.Category;

    /// <summary>The owner: <c>ThirdParty</c> for partner actions, <c>Custom</c> for custom actions.</summary>
    public string Owner => Key.Owner;

    /// <summary>The provider name.</summary>
    public string Provider => Key.Provider;

    /// <summary>The action type version.</summary>
    public string Version => Key.Version;

    /// <summary>The client id (a UUID) that <c>PollForThirdPartyJobs</c> returns with each job of this type (unused for custom action types).</summary>
    public string ClientId { get; }

    /// <summary>The secret client token that third-party job calls for jobs of this type must present (unused for custom action types).</summary>
    [System.Text.Json.Serialization.JsonIgnore] // Secret: never serialized.
    public string ClientToken { get; }

    /// <summary>
    /// The configuration property that <c>PollForJobs</c> must name in its <c>queryParam</c> (and that filters the
    /// jobs it hands out), or <see langword="null"/> when the action type has none.
    /// </summary>
    public string? QueryableProperty { get; }

    /// <summary>How long after its first dispatch a job of this type without a result times out.</summary>
    public TimeSpan JobTimeout { get; }

    /// <summary>Names the action type and its client id; the client token is never shown.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"{Key} (client {ClientId})";

    /// <summary>The identity the emulator finds the action type by.</summary>
    internal ActionTypeKey Key { get; }

    internal bool IsCustom => Owner == CustomOwner;
}
