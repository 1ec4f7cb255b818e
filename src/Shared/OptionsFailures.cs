using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs;

/// <summary>
/// Turns options validation into messages that name configuration keys
/// (<c>ThirdPartyJobs:Retry:MaxAttempts</c>, not <c>ThirdPartyJobsOptions.Retry.MaxAttempts</c>), and
/// holds the rules that span two retry settings. Shared source: linked into ThirdPartyJobs and
/// ThirdPartyJobs.Artifacts.
/// </summary>
internal static partial class OptionsFailures
{
    /// <summary>Adds the failures of an <c>[OptionsValidator]</c>-generated validator, run with a null name, with display names rewritten to keys below <paramref name="section"/>.</summary>
    public static void AddGenerated(List<string> failures, ValidateOptionsResult result, string optionsTypeName, string section)
    {
        if (!result.Failed || result.Failures is null)
        {
            return;
        }

        foreach (var failure in result.Failures)
        {
            // The generator writes "Member: The field Type.Path.Member must be ..." per failure.
            var match = GeneratedFailure().Match(failure);
            if (match.Success && match.Groups["path"].Value.StartsWith(optionsTypeName + ".", StringComparison.Ordinal))
            {
                var key = section + ":" + match.Groups["path"].Value[(optionsTypeName.Length + 1)..].Replace('.', ':');
                failures.Add($"{key} {match.Groups["rule"].Value}");
            }
            else
            {
                failures.Add(failure.Replace(optionsTypeName + ".", section + ":", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The rules between two retry settings, which attributes cannot express.</summary>
    public static void AddRetryRules(List<string> failures, ThirdPartyJobsRetryOptions retry, string section)
    {
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{section}:MaxDelay ({retry.MaxDelay}) must not be shorter than BaseDelay ({retry.BaseDelay}).");
        }

        if (retry.OverallTimeout < retry.AttemptTimeout)
        {
            failures.Add($"{section}:OverallTimeout ({retry.OverallTimeout}) must not be shorter than AttemptTimeout ({retry.AttemptTimeout}).");
        }
    }

    /// <summary>Adds a failure when <paramref name="value"/> is above <paramref name="max"/>, naming the key and the range.</summary>
    public static void AddAtMost(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max, string why)
    {
        if (value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be between {min} and {max} {why}; it is {value}."));
        }
    }

    /// <summary>For options passed to a constructor: throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public static void ThrowIfAny(List<string> failures, string what, string parameterName)
    {
        if (failures.Count > 0)
        {
            throw new ArgumentException($"Invalid {what}: " + string.Join(" ", failures), parameterName);
        }
    }

    /// <summary>For options from dependency injection: the result <c>ValidateOnStart</c> turns into an <see cref="OptionsValidationException"/>.</summary>
    public static ValidateOptionsResult ToResult(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

    [GeneratedRegex(@"^\w+: The field (?<path>[\w.]+) (?<rule>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex GeneratedFailure();
}
