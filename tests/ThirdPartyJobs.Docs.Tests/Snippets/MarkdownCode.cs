using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>The fenced code blocks of a Markdown file, with the <c>&lt;!-- snippet: Name --&gt;</c> marker before each.</summary>
internal static partial class MarkdownCode
{
    private static readonly HashSet<string> CSharp = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

    public static IReadOnlyList<CodeBlock> Read(string file) => Parse(file, File.ReadAllLines(file));

    public static IReadOnlyList<CodeBlock> Parse(string file, IReadOnlyList<string> lines)
    {
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Count; i++)
        {
            var opening = lines[i].TrimStart();
            if (!opening.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = opening[3..].Trim();
            var end = i + 1;
            while (end < lines.Count && lines[end].Trim() != "```")
            {
                end++;
            }

            // The marker is the nearest non-blank line above the fence.
            var above = i - 1;
            while (above >= 0 && string.IsNullOrWhiteSpace(lines[above]))
            {
                above--;
            }

            var marker = above >= 0 ? Marker().Match(lines[above]) : Match.Empty;
            blocks.Add(new CodeBlock(file, i + 1, CSharp.Contains(language), marker.Success ? marker.Groups[1].Value : null, lines.Skip(i + 1).Take(end - i - 1).ToList()));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(\S+)\s*-->\s*$")]
    private static partial Regex Marker();
}

/// <summary>One fenced block: where it starts (the fence's line), whether it is C#, its snippet marker, its lines.</summary>
internal sealed record CodeBlock(string File, int Line, bool IsCSharp, string? SnippetName, IReadOnlyList<string> Lines);
