namespace ThirdPartyJobs.Testing;

/// <summary>The <c>executionDetails</c> of a success result, as the worker sent them.</summary>
/// <param name="Summary">The summary, if sent.</param>
/// <param name="ExternalExecutionId">The external execution id, if sent.</param>
/// <param name="PercentComplete">The percentage complete (0-100), if sent.</param>
public sealed record ReportedExecutionDetails(string? Summary, string? ExternalExecutionId, int? PercentComplete);
