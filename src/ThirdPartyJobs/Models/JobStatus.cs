using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>The status of a job, as returned when it is acknowledged. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<JobStatus>))]
public sealed record JobStatus : ExtensibleEnum, IExtensibleEnum<JobStatus>
{
    private static readonly Dictionary<string, JobStatus> KnownValues = new(StringComparer.Ordinal);

    private JobStatus(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>Created</c>.</summary>
    public static JobStatus Created { get; } = Known("Created");
    /// <summary><c>Queued</c>.</summary>
    public static JobStatus Queued { get; } = Known("Queued");
    /// <summary><c>Dispatched</c>.</summary>
    public static JobStatus Dispatched { get; } = Known("Dispatched");
    /// <summary><c>InProgress</c>.</summary>
    public static JobStatus InProgress { get; } = Known("InProgress");
    /// <summary><c>TimedOut</c>.</summary>
    public static JobStatus TimedOut { get; } = Known("TimedOut");
    /// <summary><c>Succeeded</c>.</summary>
    public static JobStatus Succeeded { get; } = Known("Succeeded");
    /// <summary><c>Failed</c>.</summary>
    public static JobStatus Failed { get; } = Known("Failed");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static JobStatus FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(JobStatus)), out var known) ? known : new JobStatus(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static JobStatus IExtensibleEnum<JobStatus>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new JobStatus(value, isKnown: false);

    private static JobStatus Known(string value) => KnownValues[value] = new JobStatus(value, isKnown: true);
}
