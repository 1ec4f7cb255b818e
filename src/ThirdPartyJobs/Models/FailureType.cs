using System.Text.Json.Serialization;

namespace ThirdPartyJobs;

/// <summary>Why a job failed, as reported to CodePipeline. Unknown values are kept (see <see cref="ExtensibleEnum"/>).</summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<FailureType>))]
public sealed record FailureType : ExtensibleEnum, IExtensibleEnum<FailureType>
{
    private static readonly Dictionary<string, FailureType> KnownValues = new(StringComparer.Ordinal);

    private FailureType(string value, bool isKnown) : base(value, isKnown) { }

    /// <summary><c>JobFailed</c>.</summary>
    public static FailureType JobFailed { get; } = Known("JobFailed");
    /// <summary><c>ConfigurationError</c>.</summary>
    public static FailureType ConfigurationError { get; } = Known("ConfigurationError");
    /// <summary><c>PermissionError</c>.</summary>
    public static FailureType PermissionError { get; } = Known("PermissionError");
    /// <summary><c>RevisionOutOfSync</c>.</summary>
    public static FailureType RevisionOutOfSync { get; } = Known("RevisionOutOfSync");
    /// <summary><c>RevisionUnavailable</c>.</summary>
    public static FailureType RevisionUnavailable { get; } = Known("RevisionUnavailable");
    /// <summary><c>SystemUnavailable</c>.</summary>
    public static FailureType SystemUnavailable { get; } = Known("SystemUnavailable");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static FailureType FromValue(string value) =>
        KnownValues.TryGetValue(RequireValue(value, nameof(FailureType)), out var known) ? known : new FailureType(value, isKnown: false);


    /// <summary>Keeps any wire value, an empty one included, as the service sent it.</summary>
    static FailureType IExtensibleEnum<FailureType>.FromWire(string value) =>
        KnownValues.TryGetValue(value, out var known) ? known : new FailureType(value, isKnown: false);

    private static FailureType Known(string value) => KnownValues[value] = new FailureType(value, isKnown: true);
}
