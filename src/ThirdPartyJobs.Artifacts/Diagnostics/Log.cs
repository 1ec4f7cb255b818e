using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Artifacts.Diagnostics;

/// <summary>
/// The artifact API's log messages. Event ids: this package owns 3001–3099 (core uses 1001–1099,
/// Hosting 2001–2099, the emulator 1–99); ids are stable once shipped. Parameters are job ids,
/// artifact names, sizes, counts and error codes only: never a credential.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Job {JobId}: downloading input artifact {ArtifactName}")]
    public static partial void Downloading(ILogger logger, string jobId, string artifactName);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Job {JobId}: extracted input artifact {ArtifactName}: {FileCount} file(s), {ExtractedBytes} bytes from a {ArchiveBytes}-byte archive")]
    public static partial void Extracted(ILogger logger, string jobId, string artifactName, int fileCount, long extractedBytes, long archiveBytes);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Job {JobId}: uploading output artifact {ArtifactName}")]
    public static partial void Uploading(ILogger logger, string jobId, string artifactName);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Job {JobId}: uploaded output artifact {ArtifactName}: {Size} bytes in {PartCount} part(s)")]
    public static partial void Uploaded(ILogger logger, string jobId, string artifactName, long size, int partCount);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Job {JobId}: S3 reported the artifact credentials expired during {Operation} of {ArtifactName}; asking the credentials source again")]
    public static partial void CredentialsExpired(ILogger logger, string jobId, string operation, string artifactName);

    // Debug, like the client's final failures: the caller receives the exception and decides how loud it is; the retries before it are Warning lines (event 3010).
    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Job {JobId}: S3 {Operation} of {ArtifactName} failed after {Attempts} attempt(s) with {ErrorCode}")]
    public static partial void RequestFailed(ILogger logger, string jobId, string operation, string artifactName, int attempts, string? errorCode, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Job {JobId}: download of {ArtifactName} was interrupted at byte {Position} of {Length}; resuming (resume {Resume})")]
    public static partial void ResumingDownload(ILogger logger, string jobId, string artifactName, long position, long length, int resume, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Job {JobId}: could not abort the multipart upload of {ArtifactName}; S3 lifecycle rules will remove its parts")]
    public static partial void AbortFailed(ILogger logger, string jobId, string artifactName, Exception exception);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Job {JobId}: refused to extract input artifact {ArtifactName}: {Reason} (entry {EntryName})")]
    public static partial void UnsafeArchive(ILogger logger, string jobId, string artifactName, UnsafeArchiveReason reason, string? entryName);
}
