using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ThirdPartyJobs;

/// <summary>
/// Base of the library's open enumerations. CodePipeline adds values over time (the
/// <c>Compute</c> category is newer than older API models), so a value this library does not
/// know is kept verbatim instead of failing the call. Compare with <c>==</c> or switch on
/// <see cref="Value"/>.
/// </summary>
[DebuggerDisplay("{Value,nq}")]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "\"Extensible enum\" is the established name of this pattern in .NET SDKs.")]
public abstract record ExtensibleEnum
{
    private protected ExtensibleEnum(string value, bool isKnown)
    {
        Value = value;
        IsKnown = isKnown;
    }

    /// <summary>The value exactly as CodePipeline sends it.</summary>
    public string Value { get; }

    /// <summary>Whether the value is one this version of the library names.</summary>
    public bool IsKnown { get; }

    /// <summary>Returns <see cref="Value"/>.</summary>
    public sealed override string ToString() => Value;

    private protected static string RequireValue(string value, string typeName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"A {typeName} value must not be null, empty or white space.", nameof(value));
        }

        return value;
    }
}

/// <summary>Implemented by each open enumeration so that serializers can create it from its wire value.</summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Pairs with ExtensibleEnum.")]
internal interface IExtensibleEnum<TSelf> where TSelf : ExtensibleEnum, IExtensibleEnum<TSelf>
{
    /// <summary>Returns the known instance for <paramref name="value"/>, or a new instance that keeps an unknown value.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromValue(string value);

    /// <summary>Returns the known instance for <paramref name="value"/>, or a new instance that keeps any other value, an empty one included (what a response parser needs).</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromWire(string value);
}
