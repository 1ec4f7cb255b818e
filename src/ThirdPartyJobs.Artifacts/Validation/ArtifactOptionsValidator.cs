using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Artifacts.Validation;

/// <summary>Validates <see cref="ArtifactOptions"/>; messages name the configuration key that is wrong.</summary>
internal sealed class ArtifactOptionsValidator : IValidateOptions<ArtifactOptions>
{
    public ValidateOptionsResult Validate(string? name, ArtifactOptions options)
    {
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem (for direct construction).</summary>
    public static void ThrowIfInvalid(ArtifactOptions options)
    {
        var failures = GetFailures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid artifact options: " + string.Join(" ", failures), nameof(options));
        }
    }

    internal static List<string> GetFailures(ArtifactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Validate(options, ArtifactOptions.SectionName, failures);
        if (options.Retry is null)
        {
            failures.Add($"{ArtifactOptions.SectionName}:Retry must not be null.");
        }
        else
        {
            Validate(options.Retry, ArtifactOptions.SectionName + ":Retry", failures);
            if (options.Retry.MaxDelay < options.Retry.BaseDelay)
            {
                failures.Add($"{ArtifactOptions.SectionName}:Retry:MaxDelay ({options.Retry.MaxDelay}) must not be shorter than BaseDelay ({options.Retry.BaseDelay}).");
            }
        }

        if (options.ArchiveLimits is null)
        {
            failures.Add($"{ArtifactOptions.SectionName}:ArchiveLimits must not be null.");
        }
        else
        {
            Validate(options.ArchiveLimits, ArtifactOptions.SectionName + ":ArchiveLimits", failures);
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{ArtifactOptions.SectionName}:ServiceUrl must be an absolute http or https URL.");
        }

        if (options.Region is { } region && string.IsNullOrWhiteSpace(region))
        {
            failures.Add($"{ArtifactOptions.SectionName}:Region must not be empty; leave it unset to use the SDK's region resolution.");
        }

        if (!Enum.IsDefined(options.CompressionLevel))
        {
            failures.Add($"{ArtifactOptions.SectionName}:CompressionLevel ({options.CompressionLevel}) is not a compression level.");
        }

        return failures;
    }

    private static void Validate(object instance, string section, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                failures.Add($"{section}:{member}: {result.ErrorMessage}");
            }
        }
    }
}
