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

    /// <summary>Cuts a message to CodePipeline's 5000-character limit.</summary>
    public static string FailureMessage(string message) => message.Length <= 5000 ? message : string.Concat(message.AsSpan(0, 4999), "…");
}
