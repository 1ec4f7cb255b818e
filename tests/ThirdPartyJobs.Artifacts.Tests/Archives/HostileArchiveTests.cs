using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace ThirdPartyJobs.Artifacts.Tests.Archives;

/// <summary>
/// The hostile archives of the secrets-and-hostile-input review (issue 11, cases 3 to 6), generated here:
/// a 32,000-level path, entries that share one deflate stream, a hard link in the target, and a corrupt
/// entry after one that replaces an existing file.
/// </summary>
public sealed class HostileArchiveTests() : ExtractionSandboxTest("tpj-hostile-")
{
    [Test]
    public void A_path_32000_levels_deep_is_refused_before_any_directory_is_created()
    {
        var name = string.Concat(Enumerable.Repeat("a/", 32_000)) + "f.txt";
        var archive = Save(ZipFactory.Create(zip => zip.AddText(name, "deep")));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TestContext.Out.WriteLine($"32,000-level path ({new FileInfo(archive).Length} B archive): {error!.Reason} after {clock.Elapsed.TotalMilliseconds:0.0} ms, {allocated / 1024} KiB allocated");
        Assert.Multiple(() =>
        {
            Assert.That(error.Reason, Is.EqualTo(UnsafeArchiveReason.PathTooDeep));
            Assert.That(error.Message, Does.Contain("32001 levels deep").And.Contain("ArchiveLimits.MaxPathDepth"));
            Assert.That(error.Message, Has.Length.LessThan(600), "the entry name is quoted shortened");
            Assert.That(Directory.Exists(Path.Combine(Sandbox, "work")), Is.False, "nothing created, not even the target's parent");
            Assert.That(allocated, Is.LessThan(16L * 1024 * 1024));
        });
    }

    [Test]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('n', 250), 12)) + ".txt";
        var archive = Save(ZipFactory.Create(zip => zip.AddText(name, "long")));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.EntryNameTooLong));
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public async Task Paths_within_the_limits_are_extracted()
    {
        var name = string.Concat(Enumerable.Repeat("d/", 127)) + "f.txt";
        var archive = Save(ZipFactory.Create(zip => zip.AddText(name, "deep enough")));

        var result = await ArtifactArchive.ExtractAsync(archive, Target);

        Assert.That(result.FileCount, Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(Target, name)), Is.EqualTo("deep enough"));
    }

    [Test]
    public void Ten_entries_sharing_one_deflate_stream_are_refused_before_anything_is_written()
    {
        var single = ZipFactory.Create(zip => zip.AddFile("0.bin", new byte[8 * 1024 * 1024]));
        var archive = Save(ZipFactory.WithOverlappingEntries(single, 10));

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.OverlappingEntries));
            Assert.That(error.Message, Does.Contain("shares bytes of the archive"));
            Assert.That(Directory.Exists(Target), Is.False);
        });
    }

    [Test]
    public void Entries_each_under_the_ratio_threshold_are_refused_when_the_archive_as_a_whole_exceeds_the_ratio()
    {
        var archive = Save(ZipFactory.Create(zip =>
        {
            for (var i = 0; i < 6; i++)
            {
                zip.AddFile($"zeros{i}.bin", new byte[900 * 1024]);
            }
        }));
        var limits = new ArchiveLimits { MaxCompressionRatio = 100, CompressionRatioThresholdBytes = 1024 * 1024 };

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => ArtifactArchive.ExtractAsync(archive, Target, limits));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.CompressionRatioExceeded));
            Assert.That(error.Message, Does.Contain("takes the archive past 100 times its size"));
            Assert.That(Directory.Exists(Target), Is.False);
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task A_hard_link_in_the_target_is_replaced_not_written_through()
    {
        var outsideFile = Path.Combine(Sandbox, "outside.txt");
        await File.WriteAllTextAsync(outsideFile, "original");
        Directory.CreateDirectory(Target);
        var linked = Path.Combine(Target, "hardlink.txt");
        using (var ln = Process.Start("ln", [outsideFile, linked]))
        {
            await ln.WaitForExitAsync();
            Assert.That(ln.ExitCode, Is.Zero, "ln made the hard link");
        }

        var archive = Save(ZipFactory.Create(zip => zip.AddText("hardlink.txt", "from the archive")));

        await ArtifactArchive.ExtractAsync(archive, Target);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(outsideFile), Is.EqualTo("original"));
            Assert.That(File.ReadAllText(linked), Is.EqualTo("from the archive"));
        });
    }

    [Test]
    public async Task A_corrupt_entry_after_one_that_replaced_an_existing_file_leaves_the_target_as_it_was()
    {
        Directory.CreateDirectory(Path.Combine(Target, "sub"));
        await File.WriteAllTextAsync(Path.Combine(Target, "keep.txt"), "mine");
        var zip = ZipFactory.Create(zip =>
        {
            zip.AddText("keep.txt", "overwritten");
            zip.AddText("sub/new.txt", "new");
            zip.AddFile("broken.bin", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("compressible ", 1000))));
        });
        var archive = Save(ZipFactory.WithCorruptData(zip, "broken.bin"));

        var error = Assert.ThrowsAsync<ArtifactException>(() => ArtifactArchive.ExtractAsync(archive, Target));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.InstanceOf<UnsafeArchiveException>());
            Assert.That(error!.Message, Does.Contain("'broken.bin' is corrupt"));
            Assert.That(File.ReadAllText(Path.Combine(Target, "keep.txt")), Is.EqualTo("mine"));
            Assert.That(Directory.EnumerateFileSystemEntries(Target, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Target, path)).Order(),
                Is.EqualTo(new[] { "keep.txt", "sub" }), "nothing added, nothing removed");
            Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(Sandbox, "work")), Is.EqualTo(new[] { Target }), "no staging directory left beside the target");
        });
    }

    [Test]
    public async Task A_successful_extraction_into_a_non_empty_target_replaces_and_adds_and_leaves_nothing_beside_it()
    {
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "keep.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(Target, "old.txt"), "old");
        var archive = Save(ZipFactory.Create(zip =>
        {
            zip.AddText("keep.txt", "replaced");
            zip.AddText("a/b/new.txt", "new");
        }));

        var result = await ArtifactArchive.ExtractAsync(archive, Target);

        Assert.Multiple(() =>
        {
            Assert.That(result.FileCount, Is.EqualTo(2));
            Assert.That(File.ReadAllText(Path.Combine(Target, "keep.txt")), Is.EqualTo("replaced"));
            Assert.That(File.ReadAllText(Path.Combine(Target, "old.txt")), Is.EqualTo("old"), "files the archive does not have stay");
            Assert.That(File.ReadAllText(Path.Combine(Target, "a", "b", "new.txt")), Is.EqualTo("new"));
            Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(Sandbox, "work")), Is.EqualTo(new[] { Target }));
        });
    }

    private string Save(byte[] zip)
    {
        var path = Path.Combine(Sandbox, "archives", "a.zip");
        File.WriteAllBytes(path, zip);
        return path;
    }
}
