using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Hosting.Validation;

/// <summary>Validates each worker's options; every message names the worker and the setting, never a client token.</summary>
internal sealed partial class ThirdPartyJobWorkerOptionsValidator : IValidateOptions<ThirdPartyJobWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, ThirdPartyJobWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(options).Select(failure => $"Job worker '{name}': {failure}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> GetFailures(ThirdPartyJobWorkerOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        failures.AddRange(results.Select(result => result.ErrorMessage ?? $"{string.Join(", ", result.MemberNames)} is invalid."));

        if (options.ActionTypeId is { } actionType)
        {
            if (actionType.Category is null || actionType.Owner is null)
            {
                failures.Add("ActionTypeId needs a category and an owner.");
            }

            if (actionType.Provider is null || actionType.Provider.Length is < 1 or > 35 || !NamePattern().IsMatch(actionType.Provider))
            {
                failures.Add("ActionTypeId.Provider must be 1–35 characters of [0-9A-Za-z_-].");
            }

            if (actionType.Version is null || actionType.Version.Length is < 1 or > 9 || !NamePattern().IsMatch(actionType.Version))
            {
                failures.Add("ActionTypeId.Version must be 1–9 characters of [0-9A-Za-z_-].");
            }
        }

        if (options.MaxPollInterval < options.MinPollInterval)
        {
            failures.Add($"MaxPollInterval ({options.MaxPollInterval}) must not be shorter than MinPollInterval ({options.MinPollInterval}).");
        }

        if (options.TimeoutSafetyMargin >= options.JobTimeout)
        {
            failures.Add($"TimeoutSafetyMargin ({options.TimeoutSafetyMargin}) must be shorter than JobTimeout ({options.JobTimeout}), or handlers get no time at all.");
        }

        // Keys may be named; values are secrets and never quoted.
        var clientTokens = options.ClientTokens is ClientTokens.ClientTokenDictionary secret ? secret.Secrets : options.ClientTokens;
        foreach (var (clientId, token) in clientTokens)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                failures.Add("ClientTokens has an empty client id.");
            }
            else if (string.IsNullOrWhiteSpace(token) || token.Length > 256)
            {
                failures.Add($"ClientTokens['{clientId}'] must be 1–256 characters long and not white space.");
            }
        }

        return failures;
    }

    [GeneratedRegex("^[0-9A-Za-z_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
