using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The status of a job, as returned when it is acknowledged. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<JobStatus>))]
public sealed record JobStatus : ExtensibleEnum<JobStatus>
{
    private JobStatus(string value) : base(value) { }

    /// <summary><c>Created</c>.</summary>
    public static JobStatus Created { get; } = new("Created");
    /// <summary><c>Queued</c>.</summary>
    public static JobStatus Queued { get; } = new("Queued");
    /// <summary><c>Dispatched</c>.</summary>
    public static JobStatus Dispatched { get; } = new("Dispatched");
    /// <summary><c>InProgress</c>.</summary>
    public static JobStatus InProgress { get; } = new("InProgress");
    /// <summary><c>TimedOut</c>.</summary>
    public static JobStatus TimedOut { get; } = new("TimedOut");
    /// <summary><c>Succeeded</c>.</summary>
    public static JobStatus Succeeded { get; } = new("Succeeded");
    /// <summary><c>Failed</c>.</summary>
    public static JobStatus Failed { get; } = new("Failed");
}
