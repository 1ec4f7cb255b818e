namespace ThirdPartyJobs.Testing;

/// <summary>The <c>failureDetails</c> of a failure result, as the worker sent them.</summary>
/// <param name="Type">The failure type, e.g. <c>JobFailed</c> or <c>ConfigurationError</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="ExternalExecutionId">The external execution id, if sent.</param>
public sealed record ReportedFailureDetails(string Type, string Message, string? ExternalExecutionId);
