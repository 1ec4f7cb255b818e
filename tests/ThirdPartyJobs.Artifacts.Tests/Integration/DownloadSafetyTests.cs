using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>Downloads from S3 that must not hurt the worker: unsafe archives, stalls, and staging files left behind.</summary>
public sealed class DownloadSafetyTests : S3IntegrationTest
{
    [Test]
    public async Task A_traversal_archive_from_S3_is_refused_and_nothing_is_written_outside_the_target()
    {
        var job = TestJobs.Job(inputs: ["Evil"]);
        await SeedAsync(TestJobs.KeyOf(job, "Evil"), ZipFactory.Create(zip =>
        {
            zip.AddText("ok.txt", "ok");
            zip.AddText("../escaped.txt", "pwned");
        }));
        var sandbox = NewDirectory();
        var staging = NewDirectory();
        using var artifacts = Factory(options => options.TempDirectory = staging).Create(job);

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => artifacts.DownloadInputAsync("Evil", Path.Combine(sandbox, "target")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.PathTraversal));
            Assert.That(error.ArtifactName, Is.EqualTo("Evil"));
            Assert.That(error.Message, Does.Contain("Input artifact 'Evil'"));
            Assert.That(Directory.GetFileSystemEntries(sandbox), Is.Empty, "nothing in or beside the target");
            Assert.That(Directory.GetFileSystemEntries(staging), Is.Empty, "the staged download is deleted");
            Assert.That(Logs.AllText(), Does.Contain("refused to extract input artifact Evil"));
        });
    }

    [Test]
    public async Task A_zip_bomb_from_S3_is_refused_by_the_configured_limits()
    {
        var job = TestJobs.Job(inputs: ["Bomb"]);
        await SeedAsync(TestJobs.KeyOf(job, "Bomb"), ZipFactory.Create(zip =>
        {
            for (var i = 0; i < 4; i++)
            {
                zip.AddFile($"zeros{i}.bin", new byte[1024 * 1024]);
            }
        }));
        var target = Path.Combine(NewDirectory(), "target");
        using var artifacts = Factory(options => options.ArchiveLimits.MaxTotalBytes = 3 * 1024 * 1024).Create(job);

        var error = Assert.ThrowsAsync<UnsafeArchiveException>(() => artifacts.DownloadInputAsync("Bomb", target));

        Assert.That(error!.Reason, Is.EqualTo(UnsafeArchiveReason.TooLarge));
        Assert.That(Directory.Exists(target), Is.False);
    }

    [Test]
    public async Task Staging_files_are_deleted_after_a_successful_download_and_upload()
    {
        var staging = NewDirectory();
        var source = NewDirectory();
        await File.WriteAllTextAsync(Path.Combine(source, "a.txt"), "a");
        var job = TestJobs.Job(inputs: ["X"], outputs: ["X"]);
        using var artifacts = Factory(options => options.TempDirectory = staging).Create(job);

        await artifacts.UploadOutputAsync("X", source);
        await artifacts.DownloadInputAsync("X", NewDirectory());

        Assert.That(Directory.GetFileSystemEntries(staging), Is.Empty);
    }

    [Test]
    public async Task A_stalled_download_is_resumed_after_the_read_idle_timeout_on_the_TimeProvider()
    {
        var content = RandomBytes(1_500_000, seed: 11);
        var (job, key) = await SeedInputAsync("Stall", content);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var artifacts = Factory(options => options.ReadIdleTimeout = TimeSpan.FromMinutes(2), time).Create(job);
        var release = Proxy.InjectStall(request => request.Method == "GET" && IsObject(request, key), afterBytes: 200_000);

        await using var stream = await artifacts.OpenInputAsync("Stall");
        var head = new byte[200_000];
        await stream.ReadExactlyAsync(head);
        var next = stream.ReadAsync(new byte[1000]).AsTask();
        Assert.That(next.IsCompleted, Is.False, "the server is holding the rest back");

        time.Advance(TimeSpan.FromMinutes(2));
        var read = await next.WaitAsync(TimeSpan.FromSeconds(20));
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        release.SetResult();

        var gets = Proxy.Requests.Where(request => request.Method == "GET").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.GreaterThan(0));
            Assert.That(gets, Has.Count.EqualTo(2));
            Assert.That(gets[1].Header("range"), Is.EqualTo($"bytes=200000-{content.Length - 1}"));
            Assert.That(head.Concat(rest.ToArray()).Count(), Is.EqualTo(content.Length - read));
            Assert.That(Logs.AllText(), Does.Contain("resuming"));
        });
    }

    [Test]
    public async Task An_object_that_changed_before_the_resume_is_an_ArtifactException_not_a_silently_mixed_file()
    {
        // s3rver ignores If-Match, so the proxy answers the ranged GET the way S3 does when the ETag no longer matches.
        var job = TestJobs.Job(inputs: ["Changing"]);
        await SeedAsync(TestJobs.KeyOf(job, "Changing"), RandomBytes(500_000));
        using var artifacts = Factory().Create(job);
        Proxy.InjectTruncatedBody(request => request.Method == "GET" && request.Header("range") is null, afterBytes: 10_000);
        Proxy.InjectError(request => request.Method == "GET" && request.Header("if-match") is not null, 1, HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        var file = Path.Combine(NewDirectory(), "changing.zip");

        var error = Assert.ThrowsAsync<ArtifactException>(() => artifacts.DownloadInputFileAsync("Changing", file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("changed while it was being read"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(File.Exists(file), Is.False, "the partial file is deleted");
        });
    }

    [Test]
    public async Task A_download_that_keeps_breaking_gives_up_with_ArtifactStoreUnavailableException()
    {
        var job = TestJobs.Job(inputs: ["Broken"]);
        var key = TestJobs.KeyOf(job, "Broken");
        await SeedAsync(key, RandomBytes(1_000_000));
        using var artifacts = Factory(options => options.Retry.MaxAttempts = 3).Create(job);
        Proxy.InjectTruncatedBody(request => request.Method == "GET", afterBytes: 1000, times: 10);

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => artifacts.DownloadInputFileAsync("Broken", Path.Combine(NewDirectory(), "x.zip")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Attempts, Is.EqualTo(3));
            Assert.That(Proxy.Requests.Count(request => request.Method == "GET"), Is.EqualTo(3));
        });
    }
}
