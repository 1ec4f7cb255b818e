using System.Globalization;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// What a job worker needs to serve one action type of an emulator: the endpoint, the region, the credential to
/// sign with, and the action type (with its client id and client token for a third-party action type). From
/// <see cref="CodePipelineEmulator.CreateWorkerSettings"/>; <see cref="ToConfiguration"/> turns it into
/// configuration keys that the AWS SDK's <c>GetAWSOptions()</c> and a worker bound from a configuration section
/// read. This package does not reference the worker's; the keys follow its options' names.
/// </summary>
/// <example>
/// <code>
/// var settings = emulator.CreateWorkerSettings(actionType);
/// builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
/// builder.Services.AddDefaultAWSOptions(new AWSOptions
/// {
///     Credentials = new BasicAWSCredentials(settings.Credential.AccessKeyId, settings.Credential.SecretAccessKey),
///     DefaultClientConfig = { ServiceURL = settings.ServiceUrl, AuthenticationRegion = settings.Region },
/// });
/// builder.Services.AddThirdPartyJobWorker&lt;MyHandler&gt;("worker", builder.Configuration.GetSection("ThirdPartyJobs:Worker"), _ => { });
/// </code>
/// </example>
public sealed class EmulatorWorkerSettings
{
    /// <summary>The configuration section of the worker that <see cref="ToConfiguration"/> writes by default.</summary>
    public const string DefaultWorkerSection = "ThirdPartyJobs:Worker";

    internal EmulatorWorkerSettings(string serviceUrl, string region, EmulatorCredential credential, RegisteredActionType actionType)
    {
        ServiceUrl = serviceUrl;
        Region = region;
        Credential = credential;
        ActionType = actionType;
    }

    /// <summary>The emulator's endpoint (the SDK's <c>ServiceURL</c>).</summary>
    public string ServiceUrl { get; }

    /// <summary>The region to sign for (the SDK's <c>AuthenticationRegion</c> and region).</summary>
    public string Region { get; }

    /// <summary>
    /// The credential to sign with. The AWS SDK does not read keys from configuration, so
    /// <see cref="ToConfiguration"/> leaves it out: set it on <c>AWSOptions.Credentials</c>.
    /// </summary>
    public EmulatorCredential Credential { get; }

    /// <summary>The action type to poll for; for a third-party one also the client id and client token.</summary>
    public RegisteredActionType ActionType { get; }

    /// <summary>
    /// Configuration keys: <c>AWS:ServiceURL</c>, <c>AWS:Region</c> and <c>AWS:AuthenticationRegion</c> (read by
    /// the AWS SDK's <c>GetAWSOptions()</c>), and under <paramref name="workerSection"/>
    /// <c>ActionTypeId:Category</c>, <c>:Owner</c>, <c>:Provider</c>, <c>:Version</c> and, for a third-party action
    /// type, <c>ClientTokens:&lt;clientId&gt;</c> (the client token: a secret, as in any worker configuration).
    /// </summary>
    /// <param name="workerSection">The worker's configuration section, <see cref="DefaultWorkerSection"/> by default.</param>
    /// <returns>The keys and values, for <c>AddInMemoryCollection</c>.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string workerSection = DefaultWorkerSection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerSection);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AWS:ServiceURL"] = ServiceUrl,
            ["AWS:Region"] = Region,
            ["AWS:AuthenticationRegion"] = Region,
            [workerSection + ":ActionTypeId:Category"] = ActionType.Category,
            [workerSection + ":ActionTypeId:Owner"] = ActionType.Owner,
            [workerSection + ":ActionTypeId:Provider"] = ActionType.Provider,
            [workerSection + ":ActionTypeId:Version"] = ActionType.Version,
        };

        // Custom actions have no client token: the caller's IAM identity is the authority.
        if (!ActionType.IsCustom)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"{workerSection}:ClientTokens:{ActionType.ClientId}")] = ActionType.ClientToken;
        }

        return settings;
    }

    /// <summary>Names the endpoint and the action type; no secret is shown.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"EmulatorWorkerSettings {{ ServiceUrl = {ServiceUrl}, Region = {Region}, ActionType = {ActionType}, Credential = {Credential} }}";
}
