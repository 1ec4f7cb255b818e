using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Validation;

/// <summary>
/// Argument checks against the CodePipeline model's constraints, run before any network call.
/// Messages name the parameter and the rule; they never quote a value, since several are secrets.
/// </summary>
internal static partial class Require
{
    public static void Text(string? value, int minLength, int maxLength, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }

        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new ArgumentException($"{parameterName} must be {minLength}–{maxLength} characters long; it has {value.Length}.", parameterName);
        }

        // JSON text is Unicode: the writer would silently replace an unpaired surrogate, changing the value sent.
        if (HasUnpairedSurrogate(value))
        {
            throw new ArgumentException($"{parameterName} must be valid Unicode text; it has an unpaired surrogate character.", parameterName);
        }
    }

    public static void OptionalText(string? value, int minLength, int maxLength, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value is not null)
        {
            Text(value, minLength, maxLength, parameterName);
        }
    }

    public static void Pattern(string value, Regex pattern, string description, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"{parameterName} must match {description}.", parameterName);
        }
    }

    public static void JobId(string? jobId, [CallerArgumentExpression(nameof(jobId))] string? parameterName = null) => Text(jobId, 1, 512, parameterName);

    public static void ClientToken(string? clientToken, [CallerArgumentExpression(nameof(clientToken))] string? parameterName = null) => Text(clientToken, 1, 256, parameterName);

    public static void Nonce(string? nonce, [CallerArgumentExpression(nameof(nonce))] string? parameterName = null) => Text(nonce, 1, 50, parameterName);

    public static void ContinuationToken(string? token, [CallerArgumentExpression(nameof(token))] string? parameterName = null) => OptionalText(token, 1, 2048, parameterName);

    public static void ActionTypeId(ActionTypeId? actionTypeId, [CallerArgumentExpression(nameof(actionTypeId))] string? parameterName = null)
    {
        if (actionTypeId is null)
        {
            throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        }

        if (actionTypeId.Category is null || actionTypeId.Owner is null)
        {
            throw new ArgumentException($"{parameterName} needs a category and an owner.", parameterName);
        }

        Text(actionTypeId.Provider, 1, 35, parameterName + ".Provider");
        Pattern(actionTypeId.Provider!, NamePattern(), "[0-9A-Za-z_-]+", parameterName + ".Provider");
        Text(actionTypeId.Version, 1, 9, parameterName + ".Version");
        Pattern(actionTypeId.Version!, NamePattern(), "[0-9A-Za-z_-]+", parameterName + ".Version");
    }

    public static void CurrentRevision(CurrentRevision? revision, [CallerArgumentExpression(nameof(revision))] string? parameterName = null)
    {
        if (revision is null)
        {
            return;
        }

        Text(revision.Revision, 1, 1500, parameterName + ".Revision");
        Text(revision.ChangeIdentifier, 1, 100, parameterName + ".ChangeIdentifier");
        OptionalText(revision.RevisionSummary, 1, 2048, parameterName + ".RevisionSummary");
    }

    public static void ExecutionDetails(ExecutionDetails? details, [CallerArgumentExpression(nameof(details))] string? parameterName = null)
    {
        if (details is null)
        {
            return;
        }

        OptionalText(details.Summary, 1, 2048, parameterName + ".Summary");
        OptionalText(details.ExternalExecutionId, 1, 1500, parameterName + ".ExternalExecutionId");
        if (details.PercentComplete is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(parameterName + ".PercentComplete", details.PercentComplete, "PercentComplete must be 0–100.");
        }
    }

    public static void FailureDetails(FailureDetails? details, [CallerArgumentExpression(nameof(details))] string? parameterName = null)
    {
        if (details is null)
        {
            throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        }

        if (details.Type is null)
        {
            throw new ArgumentException($"{parameterName}.Type is required.", parameterName);
        }

        Text(details.Message, 1, 5000, parameterName + ".Message");
        OptionalText(details.ExternalExecutionId, 1, 1500, parameterName + ".ExternalExecutionId");
    }

    public static void MaxBatchSize(int maxBatchSize, [CallerArgumentExpression(nameof(maxBatchSize))] string? parameterName = null)
    {
        if (maxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, maxBatchSize, "maxBatchSize must be at least 1.");
        }
    }

    private static bool HasUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return true;
            }

            i += 2;
            var next = text[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }

    // \z, not $: $ also matches before a final newline, which would let "Provider\n" through.
    [GeneratedRegex(@"^[0-9A-Za-z_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
