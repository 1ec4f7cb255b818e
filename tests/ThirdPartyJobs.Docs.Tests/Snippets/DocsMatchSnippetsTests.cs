using NUnit.Framework;

namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>
/// Every C# block of the documentation is compiled code: it sits in samples/ThirdPartyJobs.Snippets between
/// <c>#region Snippet:Name</c> and <c>#endregion</c>, and the Markdown shows it after <c>&lt;!-- snippet: Name --&gt;</c>.
/// </summary>
public sealed class DocsMatchSnippetsTests
{
    /// <summary>Markdown files owned elsewhere, and why they are not checked (yet).</summary>
    private static readonly Dictionary<string, string> NotChecked = new(StringComparer.Ordinal)
    {
        ["docs/performance.md"] = "evidence doc: commands and figures, no C# to compile",
        ["docs/reliability.md"] = "evidence doc: commands and figures, no C# to compile",
        ["src/ThirdPartyJobs.Hosting/README.md"] = "reworked with the worker split; its blocks join the check once they compile",
    };

    private static readonly string SnippetsDirectory = RepositoryFiles.PathOf("samples", "ThirdPartyJobs.Snippets");

    public static IEnumerable<string> Documents()
    {
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.EnumerateFiles(RepositoryFiles.PathOf("docs"), "*.md").Select(Relative));
        files.AddRange(Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "README.md", SearchOption.AllDirectories).Select(Relative));
        return files.Where(file => !NotChecked.ContainsKey(file)).Order(StringComparer.Ordinal);
    }

    [TestCaseSource(nameof(Documents))]
    public void Every_CSharp_block_is_marked_and_equal_to_its_snippet(string document)
    {
        var problems = new List<string>();
        var snippets = SnippetRegions.Read(SnippetsDirectory, problems);
        foreach (var block in MarkdownCode.Read(RepositoryFiles.PathOf(document)))
        {
            var where = $"{document}:{block.Line}";
            if (block.SnippetName is null)
            {
                if (block.IsCSharp)
                {
                    problems.Add($"{where}: a C# block without a <!-- snippet: Name --> marker; move the code into samples/ThirdPartyJobs.Snippets.");
                }

                continue;
            }

            if (!snippets.TryGetValue(block.SnippetName, out var snippet))
            {
                problems.Add($"{where}: no '#region Snippet:{block.SnippetName}' in samples/ThirdPartyJobs.Snippets.");
            }
            else if (SnippetComparer.Difference(block.Lines, snippet.Lines) is { } difference)
            {
                problems.Add($"{where}: snippet '{block.SnippetName}' ({Relative(snippet.File)}:{snippet.Line}) differs, {difference}");
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Every_snippet_is_shown_in_a_document()
    {
        var problems = new List<string>();
        var snippets = SnippetRegions.Read(SnippetsDirectory, problems);
        var shown = Documents().SelectMany(document => MarkdownCode.Read(RepositoryFiles.PathOf(document)))
            .Select(block => block.SnippetName)
            .ToHashSet(StringComparer.Ordinal);
        problems.AddRange(snippets.Keys.Where(name => !shown.Contains(name)).Select(name => $"snippet '{name}' is in no document ({Relative(snippets[name].File)})."));

        Assert.Multiple(() =>
        {
            Assert.That(snippets, Is.Not.Empty, "no snippets found: the check would pass vacuously");
            Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
        });
    }

    [Test]
    public void The_check_sees_a_changed_line_an_unmarked_block_and_ignores_indentation()
    {
        var markdown = MarkdownCode.Parse("test.md",
        [
            "<!-- snippet: Sample -->",
            "```csharp",
            "var x = 1;",
            "```",
            "```cs",
            "var y = 2;",
            "```",
            "```json",
            "{}",
            "```",
        ]);
        string[] snippet = ["        var x = 1;   "];

        Assert.Multiple(() =>
        {
            Assert.That(markdown.Select(block => (block.IsCSharp, block.SnippetName)), Is.EqualTo(new[] { (true, "Sample"), (true, (string?)null), (false, (string?)null) }));
            Assert.That(SnippetComparer.Difference(markdown[0].Lines, snippet), Is.Null, "indentation and trailing spaces do not count");
            Assert.That(SnippetComparer.Difference(markdown[0].Lines, ["var x = 2;"]), Does.Contain("var x = 2;"));
            Assert.That(SnippetComparer.Difference(markdown[0].Lines, ["var x = 1;", "x++;"]), Does.Contain("(end of block)"));
        });
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');
}
