using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Diagnostics;

/// <summary>
/// The client's log messages. Stable event ids; parameters are operation names, job ids, counts
/// and error codes only: never a client token, credential, nonce or configuration value.
/// A call's final failure is logged at Debug: the caller receives it as an exception and decides
/// how loud it is; retries are logged by Polly's telemetry (Warning).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Calling CodePipeline {Operation} for job {JobId}")]
    public static partial void Calling(ILogger logger, string operation, string? jobId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "CodePipeline {Operation} for job {JobId} succeeded after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Succeeded(ILogger logger, string operation, string? jobId, int attempts, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "CodePipeline {Operation} for job {JobId} failed after {Attempts} attempt(s) with {ErrorCode}")]
    public static partial void Failed(ILogger logger, string operation, string? jobId, int attempts, string? errorCode, Exception exception);
}
