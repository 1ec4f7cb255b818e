using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Validation;

/// <summary>Validates <see cref="ThirdPartyJobsOptions"/>; messages name the configuration key that is wrong.</summary>
internal sealed class ThirdPartyJobsOptionsValidator : IValidateOptions<ThirdPartyJobsOptions>
{
    public ValidateOptionsResult Validate(string? name, ThirdPartyJobsOptions options)
    {
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem (for direct construction).</summary>
    public static void ThrowIfInvalid(ThirdPartyJobsOptions options)
    {
        var failures = GetFailures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid ThirdPartyJobs options: " + string.Join(" ", failures), nameof(options));
        }
    }

    internal static List<string> GetFailures(ThirdPartyJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var retry = options.Retry;
        if (retry is null)
        {
            failures.Add($"{ThirdPartyJobsOptions.SectionName}:Retry must not be null.");
            return failures;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(retry, new ValidationContext(retry), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                failures.Add($"{ThirdPartyJobsOptions.SectionName}:Retry:{member}: {result.ErrorMessage}");
            }
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{ThirdPartyJobsOptions.SectionName}:Retry:MaxDelay ({retry.MaxDelay}) must not be shorter than BaseDelay ({retry.BaseDelay}).");
        }

        if (retry.OverallTimeout < retry.AttemptTimeout)
        {
            failures.Add($"{ThirdPartyJobsOptions.SectionName}:Retry:OverallTimeout ({retry.OverallTimeout}) must not be shorter than AttemptTimeout ({retry.AttemptTimeout}).");
        }

        return failures;
    }
}
