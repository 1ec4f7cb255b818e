namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>Compares a Markdown block with its snippet after normalising indentation and trailing white space.</summary>
internal static class SnippetComparer
{
    /// <summary>Null when equal, else a description of the first difference.</summary>
    public static string? Difference(IReadOnlyList<string> markdown, IReadOnlyList<string> snippet)
    {
        var left = Normalise(markdown);
        var right = Normalise(snippet);
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var doc = i < left.Count ? left[i] : "(end of block)";
            var code = i < right.Count ? right[i] : "(end of snippet)";
            if (doc != code)
            {
                return $"line {i + 1} of the block differs:{Environment.NewLine}    doc:     {doc}{Environment.NewLine}    snippet: {code}";
            }
        }

        return null;
    }

    /// <summary>Tabs as four spaces, no trailing white space, no blank lines at either end, the common indentation removed.</summary>
    public static List<string> Normalise(IEnumerable<string> lines)
    {
        var list = lines.Select(line => line.Replace("\t", "    ", StringComparison.Ordinal).TrimEnd()).ToList();
        while (list.Count > 0 && list[0].Length == 0)
        {
            list.RemoveAt(0);
        }

        while (list.Count > 0 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        var indent = list.Where(line => line.Length > 0).Select(line => line.Length - line.TrimStart().Length).DefaultIfEmpty(0).Min();
        return list.Select(line => line.Length == 0 ? line : line[indent..]).ToList();
    }
}
