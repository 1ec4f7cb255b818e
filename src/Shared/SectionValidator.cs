using Microsoft.Extensions.Options;

namespace ThirdPartyJobs;

/// <summary>
/// What every package's options validator does with its rules: the same list of failures serves
/// dependency injection (<see cref="Validate"/>, turned into an <see cref="OptionsValidationException"/>
/// by <c>ValidateOnStart</c>) and options passed to a constructor (<see cref="ThrowIfInvalid"/>).
/// A package writes its rules once, as a function from options to failures. Shared source.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="rules">Lists every problem of the options, each message naming its configuration key.</param>
/// <param name="what">The options' name in an <see cref="ArgumentException"/> ("artifact options").</param>
internal abstract class SectionValidator<TOptions>(Func<TOptions, List<string>> rules, string what) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options) => OptionsFailures.ToResult(rules(options));

    /// <summary>Throws an <see cref="ArgumentException"/> (parameter <c>options</c>) listing every problem.</summary>
    public void ThrowIfInvalid(TOptions options) => OptionsFailures.ThrowIfAny(rules(options), what, nameof(options));
}
