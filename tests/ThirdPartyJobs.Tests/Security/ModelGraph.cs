using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>Reflection helpers: every model object reachable from a root, and the texts a developer or a tool can see of each.</summary>
internal static partial class ModelGraph
{
    private static readonly Assembly Library = typeof(JobDetails).Assembly;

    /// <summary>The root and every library object reachable through public properties and collections.</summary>
    public static IReadOnlyList<object> Reachable(object root)
    {
        var seen = new List<object>();
        Visit(root, seen);
        return seen;
    }

    private static void Visit(object? value, List<object> seen)
    {
        if (value is null || value is string || seen.Any(s => ReferenceEquals(s, value)))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Visit(item, seen);
            }

            // The library's own collections (its value lists) are models too: checked like the rest.
            if (value.GetType().Assembly != Library)
            {
                return;
            }
        }

        if (value.GetType().Assembly != Library)
        {
            return;
        }

        seen.Add(value);
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Visit(property.GetValue(value), seen);
        }
    }

    /// <summary>What a record's compiler-generated <c>PrintMembers</c> writes, or null for a non-record.</summary>
    public static string? PrintMembers(object value)
    {
        var method = value.GetType().GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(StringBuilder)]);
        if (method is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        method.Invoke(value, [builder]);
        return builder.ToString();
    }

    /// <summary>What the debugger shows for <paramref name="value"/>: its [DebuggerDisplay] evaluated, or null when it has none (the debugger then uses ToString()).</summary>
    public static string? DebuggerDisplay(object value)
    {
        var attribute = value.GetType().GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true);
        if (attribute is null)
        {
            return null;
        }

        // Supports the forms this library uses: {Member}, {Method()}, each with an optional ",nq".
        return Placeholder().Replace(attribute.Value, match =>
        {
            var member = match.Groups["member"].Value;
            var result = match.Groups["call"].Success
                ? value.GetType().GetMethod(member, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)!.Invoke(value, null)
                : value.GetType().GetProperty(member, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(value)
                  ?? value.GetType().GetField(member, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(value);
            return Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        });
    }

    [GeneratedRegex(@"\{(?<member>[A-Za-z_][A-Za-z0-9_]*)(?<call>\(\))?(,nq)?\}")]
    private static partial Regex Placeholder();
}
