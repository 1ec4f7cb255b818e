using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ThirdPartyJobs;

/// <summary>
/// Base of the library's open enumerations. CodePipeline adds values over time (the
/// <c>Compute</c> category is newer than older API models), so a value this library does not
/// know is kept verbatim instead of failing the call. Compare with <c>==</c> or switch on
/// <see cref="Value"/>. The registry every enumeration shares (its known values,
/// <see cref="FromValue"/> for callers and the wire lookup for the response parser) is declared
/// once, here.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
[DebuggerDisplay("{Value,nq}")]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "\"Extensible enum\" is the established name of this pattern in .NET SDKs.")]
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Called through the derived type (JobStatus.FromValue), which the compiler allows.")]
public abstract record ExtensibleEnum<TSelf>
    where TSelf : ExtensibleEnum<TSelf>
{
    // Written only by TSelf's static initializers (each known value registers itself in the constructor below).
    private static readonly List<TSelf> Registered = [];
    private static Dictionary<string, TSelf>? s_known;

    /// <summary>Creates (and registers) a known value.</summary>
    /// <param name="value">The wire value.</param>
    private protected ExtensibleEnum(string value)
    {
        (Value, IsKnown) = (value, true);
        Registered.Add((TSelf)this);
    }

    /// <summary>The value exactly as CodePipeline sends it.</summary>
    public string Value { get; private init; }

    /// <summary>Whether the value is one this version of the library names.</summary>
    public bool IsKnown { get; private init; }

    /// <summary>Returns the known instance for <paramref name="value"/>, or a new instance that keeps an unknown value.</summary>
    /// <param name="value">The value, as CodePipeline names it (case-sensitive).</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static TSelf FromValue(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"A {typeof(TSelf).Name} value must not be null, empty or white space.", nameof(value));
        }

        return FromWire(value);
    }

    /// <summary>Returns the known instance for <paramref name="value"/>, or a new instance that keeps any other value, an empty one included (what a response parser needs).</summary>
    /// <param name="value">The wire value.</param>
    internal static TSelf FromWire(string value) =>
        Known.TryGetValue(value, out var known)
            ? known

            // A copy of a known value with the value replaced: the record's own clone makes a TSelf, so no
            // enumeration has to hand its private constructor to this base.
            : Registered[0] with { Value = value, IsKnown = false };

    /// <summary>Returns <see cref="Value"/>.</summary>
    public sealed override string ToString() => Value;

    private static Dictionary<string, TSelf> Known => s_known ??= Publish();

    // JobStatus.FromValue compiles to a call on this base type, which does not run JobStatus's static initializers:
    // run them (or wait for another thread running them) before the registry is read.
    private static Dictionary<string, TSelf> Publish()
    {
        RuntimeHelpers.RunClassConstructor(typeof(TSelf).TypeHandle);
        return Registered.ToDictionary(known => known.Value, StringComparer.Ordinal);
    }
}
