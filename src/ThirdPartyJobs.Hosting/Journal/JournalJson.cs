using System.Text.Json.Serialization;

namespace ThirdPartyJobs.Hosting.Journal;

/// <summary>The journal's file format (System.Text.Json, source-generated: no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JobJournalRecord))]
internal sealed partial class JournalJson : JsonSerializerContext;
