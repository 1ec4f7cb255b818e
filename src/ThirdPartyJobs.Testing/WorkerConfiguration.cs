using System.Globalization;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// The configuration keys that point a job worker at an emulator (see
/// <see cref="CodePipelineEmulator.WorkerConfiguration"/>). This package does not reference the worker's; the keys
/// follow its options' member names (<c>ActionTypeId</c>, <c>ClientTokens</c>) and the AWS SDK's <c>GetAWSOptions()</c>.
/// </summary>
internal static class WorkerConfiguration
{
    public const string DefaultWorkerSection = "ThirdPartyJobs:Worker";

    public static IReadOnlyDictionary<string, string?> Build(string serviceUrl, string region, RegisteredActionType actionType, string workerSection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerSection);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AWS:ServiceURL"] = serviceUrl,
            ["AWS:Region"] = region,
            ["AWS:AuthenticationRegion"] = region,
            [workerSection + ":ActionTypeId:Category"] = actionType.Category,
            [workerSection + ":ActionTypeId:Owner"] = actionType.Owner,
            [workerSection + ":ActionTypeId:Provider"] = actionType.Provider,
            [workerSection + ":ActionTypeId:Version"] = actionType.Version,
        };

        // Custom actions have no client token: the caller's IAM identity is the authority.
        if (!actionType.IsCustom)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"{workerSection}:ClientTokens:{actionType.ClientId}")] = actionType.ClientToken;
        }

        return settings;
    }
}
