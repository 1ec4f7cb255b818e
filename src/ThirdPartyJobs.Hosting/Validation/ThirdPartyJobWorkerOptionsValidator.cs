using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Hosting.Validation;

/// <summary>Validates each worker's options; every message names the worker and the setting, never a client token.</summary>
internal sealed class ThirdPartyJobWorkerOptionsValidator : IValidateOptions<ThirdPartyJobWorkerOptions>
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

            AddText(failures, "ActionTypeId.Provider", actionType.Provider, CodePipelineLimits.Provider, CodePipelineLimits.NamePattern());
            AddText(failures, "ActionTypeId.Version", actionType.Version, CodePipelineLimits.Version, CodePipelineLimits.NamePattern());
        }

        AddQueryParam(failures, options);
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
            else if (string.IsNullOrWhiteSpace(token) || token.Length > CodePipelineLimits.ClientToken.Max)
            {
                failures.Add($"ClientTokens['{clientId}'] must be {CodePipelineLimits.ClientToken.Min}–{CodePipelineLimits.ClientToken.Max} characters long and not white space.");
            }
        }

        return failures;
    }

    // PollForJobs' queryParam: custom actions only, and CodePipeline's QueryParamMap limits (values may be quoted: they select jobs, they are not secrets).
    private static void AddQueryParam(List<string> failures, ThirdPartyJobWorkerOptions options)
    {
        if (options.QueryParam.Count == 0)
        {
            return;
        }

        if (options.ActionTypeId is { Owner: { } owner } && owner != ActionOwner.Custom)
        {
            failures.Add($"QueryParam is for custom actions only (ActionTypeId.Owner Custom); this action type's owner is {owner}.");
        }

        if (options.QueryParam.Count > CodePipelineLimits.MaxQueryParamEntries)
        {
            failures.Add($"QueryParam may hold at most {CodePipelineLimits.MaxQueryParamEntries} entry; it holds {options.QueryParam.Count}.");
        }

        foreach (var (key, value) in options.QueryParam)
        {
            AddText(failures, "QueryParam key", key, CodePipelineLimits.QueryParamKey, null);
            AddText(failures, $"QueryParam['{key}']", value, CodePipelineLimits.QueryParamValue, CodePipelineLimits.QueryableValuePattern());
        }
    }

    private static void AddText(List<string> failures, string setting, string? value, TextLimit limit, Regex? pattern)
    {
        if (!limit.Allows(value, pattern))
        {
            var of = limit.Pattern is null ? string.Empty : " of " + limit.Pattern;
            failures.Add($"{setting} must be {limit.Min}–{limit.Max} characters{of}.");
        }
    }
}
