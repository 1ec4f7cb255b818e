namespace ThirdPartyJobs.Artifacts.Tests.Archives;

/// <summary>Zipping a directory the way outputs are zipped, and extracting it back.</summary>
public sealed class ArchiveRoundTripTests() : SandboxTest("tpj-archive-")
{
    [Test]
    public async Task Create_then_extract_gives_back_the_tree()
    {
        var source = Path.Combine(Sandbox, "src");
        Directory.CreateDirectory(Path.Combine(source, "a", "b"));
        Directory.CreateDirectory(Path.Combine(source, "empty"));
        await File.WriteAllTextAsync(Path.Combine(source, "a", "b", "c.txt"), "c");
        await File.WriteAllTextAsync(Path.Combine(source, "top.txt"), "top");
        var zip = Path.Combine(Sandbox, "out.zip");

        var files = await ArtifactArchive.CreateAsync(source, zip);
        var result = await ArtifactArchive.ExtractAsync(zip, Path.Combine(Sandbox, "dst"));

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EqualTo(2));
            Assert.That(result.FileCount, Is.EqualTo(2));
            Assert.That(result.DirectoryCount, Is.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(Sandbox, "dst", "a", "b", "c.txt")), Is.EqualTo("c"));
            Assert.That(Directory.Exists(Path.Combine(Sandbox, "dst", "empty")), Is.True);
        });
    }

    [Test]
    public async Task Entry_names_use_forward_slashes_and_relative_paths()
    {
        var source = Path.Combine(Sandbox, "src");
        Directory.CreateDirectory(Path.Combine(source, "x", "y"));
        await File.WriteAllTextAsync(Path.Combine(source, "x", "y", "z.txt"), "z");
        var zip = Path.Combine(Sandbox, "out.zip");

        await ArtifactArchive.CreateAsync(source, zip);

        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.That(archive.Entries.Select(entry => entry.FullName), Is.EqualTo(new[] { "x/y/z.txt" }));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task A_link_to_a_file_inside_the_directory_is_archived_as_that_file()
    {
        var source = Path.Combine(Sandbox, "src");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "real.txt"), "real");
        File.CreateSymbolicLink(Path.Combine(source, "alias.txt"), Path.Combine(source, "real.txt"));
        var zip = Path.Combine(Sandbox, "out.zip");

        await ArtifactArchive.CreateAsync(source, zip);
        await ArtifactArchive.ExtractAsync(zip, Path.Combine(Sandbox, "dst"));

        var alias = new FileInfo(Path.Combine(Sandbox, "dst", "alias.txt"));
        Assert.That(alias.LinkTarget, Is.Null);
        Assert.That(File.ReadAllText(alias.FullName), Is.EqualTo("real"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task A_link_that_points_outside_the_directory_is_refused_and_no_archive_is_left()
    {
        var source = Path.Combine(Sandbox, "src");
        Directory.CreateDirectory(source);
        var secret = Path.Combine(Sandbox, "secret.txt");
        await File.WriteAllTextAsync(secret, "not part of the output");
        File.CreateSymbolicLink(Path.Combine(source, "leak.txt"), secret);
        var zip = Path.Combine(Sandbox, "out.zip");

        var error = Assert.ThrowsAsync<ArgumentException>(() => ArtifactArchive.CreateAsync(source, zip));

        Assert.That(error!.Message, Does.Contain("leak.txt").And.Contain("outside"));
        Assert.That(File.Exists(zip), Is.False);
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_link_to_a_directory_is_refused()
    {
        var source = Path.Combine(Sandbox, "src");
        Directory.CreateDirectory(Path.Combine(source, "real"));
        Directory.CreateSymbolicLink(Path.Combine(source, "loop"), source);

        var error = Assert.ThrowsAsync<ArgumentException>(() => ArtifactArchive.CreateAsync(source, Path.Combine(Sandbox, "out.zip")));

        Assert.That(error!.Message, Does.Contain("loop").And.Contain("directory"));
    }

    [Test]
    public void A_missing_directory_is_an_ArgumentException()
    {
        Assert.ThrowsAsync<ArgumentException>(() => ArtifactArchive.CreateAsync(Path.Combine(Sandbox, "missing"), Path.Combine(Sandbox, "out.zip")));
    }

    [Test]
    public async Task Dot_segments_inside_names_are_harmless()
    {
        var zip = Path.Combine(Sandbox, "dots.zip");
        await File.WriteAllBytesAsync(zip, ZipFactory.Create(archive => archive.AddText("./a/./b.txt", "b")));

        await ArtifactArchive.ExtractAsync(zip, Path.Combine(Sandbox, "dst"));

        Assert.That(File.ReadAllText(Path.Combine(Sandbox, "dst", "a", "b.txt")), Is.EqualTo("b"));
    }
}
