using System.Text.RegularExpressions;

namespace ThirdPartyJobs;

/// <summary>
/// CodePipeline's limits on the third-party job operations' inputs, as the official API model
/// (<c>codepipeline/2015-07-09/service-2.json</c>) states them: one table for argument checks,
/// outcome rules and option validation. Each entry names its model shape, so a test can compare
/// the table with the model. Shared source: linked into ThirdPartyJobs (and any package that checks
/// the same values), internal in each.
/// </summary>
internal static partial class CodePipelineLimits
{
    /// <summary>The model's <c>ThirdPartyJobId</c>.</summary>
    public static readonly TextLimit JobId = new("ThirdPartyJobId", 1, 512);

    /// <summary>The model's <c>ClientToken</c>.</summary>
    public static readonly TextLimit ClientToken = new("ClientToken", 1, 256);

    /// <summary>The model's <c>Nonce</c>.</summary>
    public static readonly TextLimit Nonce = new("Nonce", 1, 50);

    /// <summary>The model's <c>ContinuationToken</c>.</summary>
    public static readonly TextLimit ContinuationToken = new("ContinuationToken", 1, 2048);

    /// <summary>The model's <c>ActionProvider</c>; also matches <see cref="NamePattern"/>.</summary>
    public static readonly TextLimit Provider = new("ActionProvider", 1, 35, NamePatternText);

    /// <summary>The model's <c>Version</c> (of an action type); also matches <see cref="NamePattern"/>.</summary>
    public static readonly TextLimit Version = new("Version", 1, 9, NamePatternText);

    /// <summary>The model's <c>Revision</c>.</summary>
    public static readonly TextLimit Revision = new("Revision", 1, 1500);

    /// <summary>The model's <c>RevisionChangeIdentifier</c>.</summary>
    public static readonly TextLimit ChangeIdentifier = new("RevisionChangeIdentifier", 1, 100);

    /// <summary>The model's <c>RevisionSummary</c>.</summary>
    public static readonly TextLimit RevisionSummary = new("RevisionSummary", 1, 2048);

    /// <summary>The model's <c>ExecutionSummary</c>.</summary>
    public static readonly TextLimit ExecutionSummary = new("ExecutionSummary", 1, 2048);

    /// <summary>The model's <c>ExecutionId</c> (an external execution id).</summary>
    public static readonly TextLimit ExternalExecutionId = new("ExecutionId", 1, 1500);

    /// <summary>The model's <c>Message</c> (of failure details).</summary>
    public static readonly TextLimit FailureMessage = new("Message", 1, 5000);

    /// <summary>The model's <c>Percentage</c>: 0–100.</summary>
    public const int MinPercentComplete = 0;

    /// <summary>The model's <c>Percentage</c>: 0–100.</summary>
    public const int MaxPercentComplete = 100;

    /// <summary>The model's <c>ActionConfigurationKey</c>: a key of <c>PollForJobs</c>' <c>queryParam</c>.</summary>
    public static readonly TextLimit QueryParamKey = new("ActionConfigurationKey", 1, 50);

    /// <summary>The model's <c>ActionConfigurationQueryableValue</c>: a value of <c>PollForJobs</c>' <c>queryParam</c>; also matches <see cref="QueryableValuePattern"/>.</summary>
    public static readonly TextLimit QueryParamValue = new("ActionConfigurationQueryableValue", 1, 50, QueryableValuePatternText);

    /// <summary>The model's <c>QueryParamMap</c>: at most one entry.</summary>
    public const int MaxQueryParamEntries = 1;

    /// <summary>The model's pattern for <c>ActionConfigurationQueryableValue</c>.</summary>
    public const string QueryableValuePatternText = "[a-zA-Z0-9_-]+";

    /// <summary>The model's <c>MaxBatchSize</c>: at least 1, no upper bound in the model.</summary>
    public const int MinBatchSize = 1;

    /// <summary>The model's pattern for <c>ActionProvider</c> and <c>Version</c>.</summary>
    public const string NamePatternText = "[0-9A-Za-z_-]+";

    /// <summary>Every text limit of the third-party job operations, for the test that compares the table with the model (both ways); the custom-only <see cref="QueryParamKey"/> and <see cref="QueryParamValue"/> are not in it.</summary>
    public static IReadOnlyList<TextLimit> All { get; } =
    [
        JobId, ClientToken, Nonce, ContinuationToken, Provider, Version, Revision, ChangeIdentifier,
        RevisionSummary, ExecutionSummary, ExternalExecutionId, FailureMessage,
    ];

    /// <summary><see cref="NamePatternText"/>, anchored: \z, not $, which also matches before a final newline.</summary>
    [GeneratedRegex(@"^[0-9A-Za-z_-]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex NamePattern();

    /// <summary><see cref="QueryableValuePatternText"/>, anchored.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9_-]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex QueryableValuePattern();

    /// <summary>Whether <paramref name="value"/> keeps to <paramref name="limit"/>: its length and, when it has one, its pattern.</summary>
    public static bool Allows(this TextLimit limit, string? value, Regex? pattern = null) =>
        value is not null && value.Length >= limit.Min && value.Length <= limit.Max && (pattern is null || pattern.IsMatch(value));
}

/// <summary>A length limit (in UTF-16 characters, as the service counts) and an optional pattern of one model shape.</summary>
/// <param name="Shape">The shape's name in the API model.</param>
/// <param name="Min">The shortest value.</param>
/// <param name="Max">The longest value.</param>
/// <param name="Pattern">The model's pattern, unanchored as the model writes it; null when there is none.</param>
internal sealed record TextLimit(string Shape, int Min, int Max, string? Pattern = null);
