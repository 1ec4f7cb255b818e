using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs;

/// <summary>
/// The retry log line: one per retry, at Warning, without the exception (expected transient
/// failures need no stack trace; the caller gets the final exception). Each package passes an
/// event id from its own range, so the line is defined at run time rather than by [LoggerMessage].
/// Shared source: linked into ThirdPartyJobs and ThirdPartyJobs.Artifacts.
/// </summary>
internal static class RetryLog
{
    public const string Message = "{Operation}: attempt {Attempt} of {MaxAttempts} failed with {ErrorCode}; retrying in {DelayMilliseconds} ms";

    public static Action<ILogger, string, int, int, string, long, Exception?> For(int eventId) =>
        LoggerMessage.Define<string, int, int, string, long>(LogLevel.Warning, new EventId(eventId, "Retrying"), Message);
}
