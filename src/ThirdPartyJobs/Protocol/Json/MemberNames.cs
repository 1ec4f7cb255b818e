namespace ThirdPartyJobs.Protocol.Json;

/// <summary>The member names of one output shape, in the order its reader's <c>switch</c> numbers them; names are also the path segments of parse errors.</summary>
internal sealed class MemberNames
{
    private readonly byte[][] _utf8;

    public MemberNames(params string[] names)
    {
        Names = names;
        _utf8 = [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The index of the current property name, or -1 for a member the shape does not have (skipped, as the SDKs do).</summary>
    public int IndexOf(ref System.Text.Json.Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
