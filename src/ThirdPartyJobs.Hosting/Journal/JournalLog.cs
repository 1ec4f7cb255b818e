using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Journal;

/// <summary>The file journal's log messages (event ids 2080–2089): file names and counts, never a record's content.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 2080, Level = LogLevel.Error, Message = "Journal record {File} cannot be read ({ErrorType}); it is skipped and kept as {File}.corrupt")]
    public static partial void CorruptRecord(ILogger logger, string file, Type errorType);

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information, Message = "Journal: took over {Count} record(s) from instance {Instance}, which is no longer running")]
    public static partial void Adopted(ILogger logger, int count, string instance);

    [LoggerMessage(EventId = 2082, Level = LogLevel.Debug, Message = "Journal: instance {Instance} is alive (its lock is held); its records are left to it")]
    public static partial void InstanceAlive(ILogger logger, string instance);
}

/// <summary>The journal's file format (System.Text.Json, source-generated: no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JobJournalRecord))]
internal sealed partial class JournalJson : JsonSerializerContext;
