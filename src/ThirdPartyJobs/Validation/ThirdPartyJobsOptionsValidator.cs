using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Validation;

/// <summary>
/// Validates <see cref="ThirdPartyJobsOptions"/>: the attributes' ranges (through the generated
/// <see cref="ThirdPartyJobsOptionsAttributesValidator"/>), the rules between settings, and the
/// tighter attempt-timeout limit of CodePipeline calls. Messages name the configuration key and its range.
/// </summary>
internal sealed class ThirdPartyJobsOptionsValidator : IValidateOptions<ThirdPartyJobsOptions>
{
    /// <summary>CodePipeline answers in seconds; an attempt longer than this is a hang, not a slow answer.</summary>
    internal static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(10);

    private static readonly ThirdPartyJobsOptionsAttributesValidator Attributes = new();

    public ValidateOptionsResult Validate(string? name, ThirdPartyJobsOptions options) => OptionsFailures.ToResult(GetFailures(options));

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem (for direct construction).</summary>
    public static void ThrowIfInvalid(ThirdPartyJobsOptions options) => OptionsFailures.ThrowIfAny(GetFailures(options), "ThirdPartyJobs options", nameof(options));

    internal static List<string> GetFailures(ThirdPartyJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ThirdPartyJobsOptions.SectionName;
        var failures = new List<string>();
        OptionsFailures.AddGenerated(failures, Attributes.Validate(null, options), nameof(ThirdPartyJobsOptions), Section);
        OptionsFailures.AddAtMost(failures, $"{Section}:Retry:AttemptTimeout", options.Retry.AttemptTimeout, TimeSpan.FromMilliseconds(10), MaxAttemptTimeout, "for CodePipeline calls");
        OptionsFailures.AddRetryRules(failures, options.Retry, $"{Section}:Retry");
        return failures;
    }
}

/// <summary>The attribute rules of <see cref="ThirdPartyJobsOptions"/>, generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class ThirdPartyJobsOptionsAttributesValidator : IValidateOptions<ThirdPartyJobsOptions>
{
}
