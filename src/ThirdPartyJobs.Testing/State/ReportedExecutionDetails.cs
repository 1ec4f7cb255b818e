namespace ThirdPartyJobs.Testing;

/// <summary>The <c>executionDetails</c> of a success result, as the worker sent them.</summary>
public sealed record ReportedExecutionDetails
{
    internal ReportedExecutionDetails(string? summary, string? externalExecutionId, int? percentComplete)
    {
        Summary = summary;
        ExternalExecutionId = externalExecutionId;
        PercentComplete = percentComplete;
    }

    /// <summary>The summary, if sent.</summary>
    public string? Summary { get; }

    /// <summary>The external execution id, if sent.</summary>
    public string? ExternalExecutionId { get; }

    /// <summary>The percentage complete (0-100), if sent.</summary>
    public int? PercentComplete { get; }
}
