using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>The <c>#region Snippet:Name</c> … <c>#endregion</c> blocks of C# files.</summary>
internal static partial class SnippetRegions
{
    /// <summary>Reads every region of the files under <paramref name="directory"/>; malformed regions are listed in <paramref name="problems"/>.</summary>
    public static Dictionary<string, Snippet> Read(string directory, List<string> problems)
    {
        var snippets = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ReadFile(file, snippets, problems);
        }

        return snippets;
    }

    public static void ReadFile(string file, Dictionary<string, Snippet> snippets, List<string> problems)
    {
        var lines = File.ReadAllLines(file);
        string? name = null;
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var begin = RegionStart().Match(lines[i]);
            if (begin.Success)
            {
                if (name is not null)
                {
                    problems.Add($"{file}:{i + 1}: region '{begin.Groups[1].Value}' starts inside region '{name}'.");
                }

                name = begin.Groups[1].Value;
                start = i + 1;
            }
            else if (RegionEnd().IsMatch(lines[i]) && name is not null)
            {
                if (!snippets.TryAdd(name, new Snippet(name, file, start + 1, lines[start..i])))
                {
                    problems.Add($"{file}:{start}: snippet '{name}' is defined twice (also in {snippets[name].File}).");
                }

                name = null;
            }
        }

        if (name is not null)
        {
            problems.Add($"{file}:{start}: region '{name}' has no #endregion.");
        }
    }

    [GeneratedRegex(@"^\s*#region\s+Snippet:(\S+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^\s*#endregion\b")]
    private static partial Regex RegionEnd();
}

/// <summary>One snippet: its name, where it is, and its lines.</summary>
internal sealed record Snippet(string Name, string File, int Line, IReadOnlyList<string> Lines);
