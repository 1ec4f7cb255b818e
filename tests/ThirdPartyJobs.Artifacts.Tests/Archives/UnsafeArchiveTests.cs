using System.IO.Compression;

namespace ThirdPartyJobs.Artifacts.Tests.Archives;

/// <summary>Hostile archives are refused with <see cref="UnsafeArchiveException"/>, and nothing lands outside the target directory.</summary>
public sealed class UnsafeArchiveTests() : ExtractionSandboxTest("tpj-unsafe-")
{
    [TestCase("../evil.txt", UnsafeArchiveReason.PathTraversal)]
    [TestCase("../../evil.txt", UnsafeArchiveReason.PathTraversal)]
    [TestCase("safe/../../evil.txt", UnsafeArchiveReason.PathTraversal)]
    [TestCase("..\\evil.txt", UnsafeArchiveReason.PathTraversal)]
    [TestCase("safe\\..\\..\\evil.txt", UnsafeArchiveReason.PathTraversal)]
    [TestCase("/tmp/evil.txt", UnsafeArchiveReason.AbsolutePath)]
    [TestCase("\\tmp\\evil.txt", UnsafeArchiveReason.AbsolutePath)]
    [TestCase("//server/share/evil.txt", UnsafeArchiveReason.AbsolutePath)]
    [TestCase("C:/evil.txt", UnsafeArchiveReason.AbsolutePath)]
    [TestCase("C:evil.txt", UnsafeArchiveReason.AbsolutePath)]
    public void Entries_that_escape_the_target_are_refused_before_anything_is_written(string entryName, UnsafeArchiveReason reason)
    {
        var archive = Save(ZipFactory.Create(zip =>
        {
            zip.AddText("good.txt", "fine");
            zip.AddText(entryName, "pwned");
        }));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(reason));
            Assert.That(error.EntryName, Is.EqualTo(entryName));
            Assert.That(error.Message, Does.Contain(entryName));
            Assert.That(FilesUnder(Sandbox), Is.EqualTo(new[] { Path.Combine("archives", "a.zip") }), "nothing extracted anywhere");
            Assert.That(File.Exists("/tmp/evil.txt"), Is.False);
        });
    }

    [Test]
    public void A_symbolic_link_entry_is_refused()
    {
        var archive = Save(ZipFactory.Create(zip =>
        {
            zip.AddText("a.txt", "fine");
            zip.AddText("passwd", "/etc/passwd", unixType: ZipFactory.UnixSymbolicLink);
            zip.AddText("passwd/../b.txt", "through the link");
        }));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.SymbolicLink));
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public void A_fifo_entry_is_refused()
    {
        var archive = Save(ZipFactory.Create(zip => zip.AddText("pipe", string.Empty, unixType: ZipFactory.UnixFifo)));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.UnsupportedEntryType));
    }

    [Test]
    public void Too_many_entries_are_refused_from_the_end_record_before_the_central_directory_is_read()
    {
        var archive = Save(ZipFactory.Create(zip =>
        {
            for (var i = 0; i < 101; i++)
            {
                zip.AddText($"f{i}.txt", "x");
            }
        }));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, new ArchiveLimits { MaxEntries = 100 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.TooManyEntries));
            Assert.That(error.Message, Does.Contain("101"));
            Assert.That(Directory.Exists(Target), Is.False);
        });
    }

    [Test]
    public void A_zip64_entry_count_is_read_too()
    {
        // More than 65,535 entries: the count lives only in the ZIP64 end record.
        var archive = Save(ZipFactory.Create(zip =>
        {
            for (var i = 0; i < 70_000; i++)
            {
                zip.CreateEntry($"d/{i}", CompressionLevel.NoCompression);
            }
        }));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, new ArchiveLimits { MaxEntries = 65_536 }));

        Assert.That(error!.Message, Does.Contain("70000"));
    }

    [Test]
    public void An_archive_that_declares_more_bytes_than_the_limit_is_refused_before_anything_is_written()
    {
        var archive = Save(ZipFactory.Create(zip =>
        {
            for (var i = 0; i < 3; i++)
            {
                zip.AddFile($"zeros{i}.bin", new byte[1024 * 1024]);
            }
        }));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, new ArchiveLimits { MaxTotalBytes = 2 * 1024 * 1024 }));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.TooLarge));
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public void An_entry_that_lies_about_its_size_is_stopped_by_counting_written_bytes_and_what_was_written_is_removed()
    {
        // A stored entry that declares 10 bytes but holds 3 MiB: .NET reads the real data, so only counting protects.
        var honest = ZipFactory.Create(zip =>
        {
            zip.AddText("first.txt", "written before the bomb");
            zip.AddFile("sub/bomb.bin", new byte[3 * 1024 * 1024], CompressionLevel.NoCompression);
        });
        var archive = Save(ZipFactory.WithDeclaredSize(honest, "sub/bomb.bin", 10));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, new ArchiveLimits { MaxTotalBytes = 1024 * 1024 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.TooLarge));
            Assert.That(error.EntryName, Is.EqualTo("sub/bomb.bin"));
            Assert.That(Directory.Exists(Target), Is.False, "the files and directories the extraction created are removed");
        });
    }

    [Test]
    public void An_entry_that_expands_beyond_the_ratio_is_refused()
    {
        var archive = Save(ZipFactory.Create(zip => zip.AddFile("zeros.bin", new byte[2 * 1024 * 1024])));
        var limits = new ArchiveLimits { MaxCompressionRatio = 100, CompressionRatioThresholdBytes = 1024 * 1024 };

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, limits));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.CompressionRatioExceeded));
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public async Task The_same_highly_compressed_entry_is_fine_under_the_default_limits()
    {
        var archive = Save(ZipFactory.Create(zip => zip.AddFile("zeros.bin", new byte[2 * 1024 * 1024])));

        var result = await ArtifactArchive.ExtractAsync(archive, Target);

        Assert.That(result.ExtractedBytes, Is.EqualTo(2 * 1024 * 1024));
    }

    [Test]
    public async Task A_refused_extraction_keeps_what_was_in_the_target_before()
    {
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "keep.txt"), "mine");
        var honest = ZipFactory.Create(zip =>
        {
            zip.AddText("new.txt", "new");
            zip.AddFile("bomb.bin", new byte[3 * 1024 * 1024], CompressionLevel.NoCompression);
        });
        var archive = Save(ZipFactory.WithDeclaredSize(honest, "bomb.bin", 10));

        Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, new ArchiveLimits { MaxTotalBytes = 1024 * 1024 }));

        Assert.That(FilesUnder(Target), Is.EqualTo(new[] { "keep.txt" }));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void An_existing_link_in_the_target_is_not_written_through()
    {
        var outside = Path.Combine(Sandbox, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Target);
        Directory.CreateSymbolicLink(Path.Combine(Target, "sub"), outside);
        var archive = Save(ZipFactory.Create(zip => zip.AddText("sub/evil.txt", "pwned")));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.PathTraversal));
        Assert.That(Directory.GetFileSystemEntries(outside), Is.Empty);
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task An_existing_file_link_in_the_target_is_replaced_not_written_through()
    {
        var outsideFile = Path.Combine(Sandbox, "outside.txt");
        await File.WriteAllTextAsync(outsideFile, "original");
        Directory.CreateDirectory(Target);
        File.CreateSymbolicLink(Path.Combine(Target, "config.txt"), outsideFile);
        var archive = Save(ZipFactory.Create(zip => zip.AddText("config.txt", "from the archive")));

        await ArtifactArchive.ExtractAsync(archive, Target);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(outsideFile), Is.EqualTo("original"));
            Assert.That(new FileInfo(Path.Combine(Target, "config.txt")).LinkTarget, Is.Null);
            Assert.That(File.ReadAllText(Path.Combine(Target, "config.txt")), Is.EqualTo("from the archive"));
        });
    }

    [Test]
    public void Bytes_that_are_not_a_zip_are_an_ArtifactException_not_an_unsafe_archive()
    {
        var archive = Save(new byte[5000]);

        var error = Assert.ThrowsAsync<ArtifactException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error, Is.Not.InstanceOf<UnsafeArchiveException>());
        Assert.That(error!.Message, Does.Contain("not a ZIP archive"));
    }

    [Test]
    public void Control_characters_in_entry_names_do_not_reach_the_message()
    {
        var archive = Save(ZipFactory.Create(zip => zip.AddText("../evil\nFAKE LOG LINE", "x")));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error!.Message, Does.Not.Contain("\n"));
        Assert.That(error.EntryName, Is.EqualTo("../evil?FAKE LOG LINE"));
    }

    [Test]
    public void A_cancelled_extraction_throws_OperationCanceledException()
    {
        var archive = Save(ZipFactory.Create(zip => zip.AddText("a.txt", "a")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => ArtifactArchive.ExtractAsync(archive, Target, cancellationToken: cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private string Save(byte[] zip)
    {
        var path = Path.Combine(Sandbox, "archives", "a.zip");
        File.WriteAllBytes(path, zip);
        return path;
    }

    private static string[] FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(directory, path)).Order(StringComparer.Ordinal).ToArray();
}
