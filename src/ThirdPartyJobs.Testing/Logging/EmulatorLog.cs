using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Testing.Logging;

/// <summary>
/// Everything the emulator logs. By design no message takes a client token, a nonce, a credential secret, a
/// session token, a configuration value, a request body or an error message (validation messages echo input).
/// </summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "CodePipeline emulator listening on {ServiceUrl} for region {Region}")]
    public static partial void Started(this ILogger logger, string serviceUrl, string region);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "CodePipeline emulator on {ServiceUrl} stopped")]
    public static partial void Stopped(this ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Registered action type {Category}/{Owner}/{Provider}/{Version} with client id {ClientId}")]
    public static partial void ActionTypeRegistered(this ILogger logger, string category, string owner, string provider, string version, string clientId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Created job {JobId} for client id {ClientId}")]
    public static partial void JobCreated(this ILogger logger, string jobId, string clientId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Job {JobId} went from {OldState} to {NewState}")]
    public static partial void JobStateChanged(this ILogger logger, string jobId, EmulatedJobState oldState, EmulatedJobState newState);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Request {RequestId} {Operation} answered {StatusCode} {ErrorCode} (fault: {Fault})")]
    public static partial void RequestHandled(this ILogger logger, string requestId, CodePipelineOperation? operation, int statusCode, string? errorCode, FaultKind? fault);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Request {RequestId} {Operation} was aborted (fault: {Fault})")]
    public static partial void RequestAborted(this ILogger logger, string requestId, CodePipelineOperation? operation, FaultKind? fault);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Request {RequestId} failed authentication: {ErrorCode}")]
    public static partial void AuthenticationFailed(this ILogger logger, string requestId, string errorCode);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Request {RequestId} {Operation} failed inside the emulator ({ExceptionType})")]
    public static partial void UnexpectedFailure(this ILogger logger, string requestId, CodePipelineOperation? operation, Type exceptionType);
}
