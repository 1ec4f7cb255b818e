namespace ThirdPartyJobs.Hosting;

/// <summary>CodePipeline's limits on what a job reports, checked when an outcome is created. Messages never quote values.</summary>
internal static class OutcomeRules
{
    public static void Text(string? value, int minLength, int maxLength, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }

        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new ArgumentException($"{parameterName} must be {minLength}–{maxLength} characters long; it has {value.Length}.", parameterName);
        }
    }

    public static void OptionalText(string? value, int minLength, int maxLength, string parameterName)
    {
        if (value is not null)
        {
            Text(value, minLength, maxLength, parameterName);
        }
    }

    public static void CurrentRevision(CurrentRevision? revision)
    {
        if (revision is null)
        {
            return;
        }

        Text(revision.Revision, 1, 1500, "currentRevision.Revision");
        Text(revision.ChangeIdentifier, 1, 100, "currentRevision.ChangeIdentifier");
        OptionalText(revision.RevisionSummary, 1, 2048, "currentRevision.RevisionSummary");
    }

    public static void ExecutionDetails(ExecutionDetails? executionDetails)
    {
        if (executionDetails is null)
        {
            return;
        }

        OptionalText(executionDetails.Summary, 1, 2048, "executionDetails.Summary");
        OptionalText(executionDetails.ExternalExecutionId, 1, 1500, "executionDetails.ExternalExecutionId");
        if (executionDetails.PercentComplete is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(executionDetails), executionDetails.PercentComplete, "executionDetails.PercentComplete must be 0–100.");
        }
    }

    /// <summary>Checks output variables' keys (<c>[A-Za-z0-9@\-_]+</c>) and values, and copies them so the handler cannot change them later.</summary>
    public static IReadOnlyDictionary<string, string>? OutputVariables(IReadOnlyDictionary<string, string>? outputVariables)
    {
        if (outputVariables is null)
        {
            return null;
        }

        var copy = new Dictionary<string, string>(outputVariables.Count, StringComparer.Ordinal);
        foreach (var (key, value) in outputVariables)
        {
            if (string.IsNullOrEmpty(key) || !key.All(IsKeyCharacter))
            {
                // The key is not secret, but quoting it could quote anything: name its position instead.
                throw new ArgumentException($"outputVariables has a key that is empty or not made of [A-Za-z0-9@-_] (entry {copy.Count + 1}).", nameof(outputVariables));
            }

            copy[key] = value ?? throw new ArgumentException($"outputVariables['{key}'] is null.", nameof(outputVariables));
        }

        return copy.AsReadOnly();
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '-' or '_';

    /// <summary>Cuts a message to CodePipeline's 5000-character limit.</summary>
    public static string FailureMessage(string message) => message.Length <= 5000 ? message : string.Concat(message.AsSpan(0, 4999), "…");
}
