using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Artifacts.Validation;

/// <summary>
/// Validates <see cref="ArtifactOptions"/>: the attributes' ranges (through the generated
/// <see cref="ArtifactOptionsAttributesValidator"/>, which also walks <c>ArchiveLimits</c> and
/// <c>Retry</c>), the rules between retry settings, and what attributes cannot say. Messages name
/// the configuration key and its range.
/// </summary>
internal sealed class ArtifactOptionsValidator() : SectionValidator<ArtifactOptions>(GetFailures, "artifact options")
{
    /// <summary>The one instance (the validator holds no state).</summary>
    public static readonly ArtifactOptionsValidator Instance = new();

    private static readonly ArtifactOptionsAttributesValidator Attributes = new();

    internal static List<string> GetFailures(ArtifactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ArtifactOptions.SectionName;
        var failures = new List<string>();
        OptionsFailures.AddGenerated(failures, Attributes.Validate(null, options), nameof(ArtifactOptions), Section);
        if (options.Retry is null)
        {
            failures.Add($"{Section}:Retry must not be null.");
        }
        else
        {
            OptionsFailures.AddRetryRules(failures, options.Retry, Section + ":Retry");
        }

        if (options.ArchiveLimits is null)
        {
            failures.Add($"{Section}:ArchiveLimits must not be null.");
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{Section}:ServiceUrl must be an absolute http or https URL.");
        }

        if (options.Region is { } region && string.IsNullOrWhiteSpace(region))
        {
            failures.Add($"{Section}:Region must not be empty; leave it unset to use the SDK's region resolution.");
        }

        if (!Enum.IsDefined(options.CompressionLevel))
        {
            failures.Add($"{Section}:CompressionLevel ({options.CompressionLevel}) is not a compression level.");
        }

        return failures;
    }
}

/// <summary>The attribute rules of <see cref="ArtifactOptions"/> and its nested settings, generated at build time (no reflection).</summary>
[OptionsValidator]
internal sealed partial class ArtifactOptionsAttributesValidator : IValidateOptions<ArtifactOptions>
{
}
