namespace ThirdPartyJobs.Testing;

/// <summary>The <c>failureDetails</c> of a failure result, as the worker sent them.</summary>
public sealed record ReportedFailureDetails
{
    internal ReportedFailureDetails(string type, string message, string? externalExecutionId)
    {
        Type = type;
        Message = message;
        ExternalExecutionId = externalExecutionId;
    }

    /// <summary>The failure type, e.g. <c>JobFailed</c> or <c>ConfigurationError</c>.</summary>
    public string Type { get; }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The external execution id, if sent.</summary>
    public string? ExternalExecutionId { get; }
}
