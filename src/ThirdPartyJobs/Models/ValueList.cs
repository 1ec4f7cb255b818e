using System.Collections.ObjectModel;

namespace ThirdPartyJobs;

/// <summary>
/// A read-only list with value equality and a readable <see cref="ToString"/> (<c>[a, b]</c>), so that a
/// record holding one (<see cref="JobData"/>'s artifact lists) needs no hand-written equality or printing.
/// </summary>
internal sealed class ValueList<T> : ReadOnlyCollection<T>
{
    private ValueList(IList<T> items)
        : base(items)
    {
    }

    /// <summary>Wraps <paramref name="items"/> (copied unless it is a list already).</summary>
    public static ValueList<T> From(IReadOnlyList<T> items) =>
        items as ValueList<T> ?? new ValueList<T>(items as IList<T> ?? [.. items]);

    public override bool Equals(object? obj) => obj is ValueList<T> other && this.SequenceEqual(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in this)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", this) + "]";
}
