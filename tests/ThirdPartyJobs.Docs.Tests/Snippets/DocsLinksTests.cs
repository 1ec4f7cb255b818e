using System.Text.RegularExpressions;
using NUnit.Framework;

namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>The guides moved into docs/: every relative link of the checked documents still reaches a file.</summary>
public sealed partial class DocsLinksTests
{
    [TestCaseSource(typeof(DocsMatchSnippetsTests), nameof(DocsMatchSnippetsTests.Documents))]
    public void Every_relative_link_points_to_an_existing_file(string document)
    {
        var path = RepositoryFiles.PathOf(document);
        var directory = Path.GetDirectoryName(path)!;
        var broken = Link().Matches(File.ReadAllText(path))
            .Select(match => match.Groups[1].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0])
            .Where(target => !File.Exists(Path.Combine(directory, target)) && !Directory.Exists(Path.Combine(directory, target)))
            .ToList();

        Assert.That(broken, Is.Empty, $"{document} links to missing files");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
