using System.IO.Compression;
using System.Security.Cryptography;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>Upload and download against a real S3-protocol server: what goes up comes back identical.</summary>
public sealed class RoundTripTests : S3IntegrationTest
{
    [Test]
    public async Task Directory_round_trip_keeps_relative_paths_contents_times_and_empty_directories()
    {
        var source = NewDirectory();
        var files = new Dictionary<string, byte[]>
        {
            ["readme.txt"] = "hello artifacts\n"u8.ToArray(),
            ["bin/app.dll"] = RandomBytes(300_000, seed: 1),
            ["bin/nested/deeper/data.json"] = """{"a":1}"""u8.ToArray(),
            ["docs/empty.txt"] = [],
        };
        var times = new Dictionary<string, DateTime>();
        var time = new DateTime(2024, 3, 5, 10, 20, 31, DateTimeKind.Local);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(source, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
            File.SetLastWriteTime(path, time);
            times[relative] = time;
            time = time.AddMinutes(7).AddSeconds(3);
        }

        Directory.CreateDirectory(Path.Combine(source, "cache", "empty"));
        var job = TestJobs.Job(inputs: ["BuildOutput"], outputs: ["BuildOutput"]);
        using var artifacts = Factory().Create(job);

        var uploaded = await artifacts.UploadOutputAsync("BuildOutput", source);
        var target = NewDirectory();
        var extracted = await artifacts.DownloadInputAsync("BuildOutput", target);

        Assert.Multiple(() =>
        {
            Assert.That(uploaded.PartCount, Is.EqualTo(1));
            Assert.That(uploaded.ObjectKey, Is.EqualTo(TestJobs.KeyOf(job, "BuildOutput")));
            Assert.That(extracted.FileCount, Is.EqualTo(files.Count));
            Assert.That(extracted.ExtractedBytes, Is.EqualTo(files.Values.Sum(content => (long)content.Length)));
            Assert.That(extracted.ArchiveBytes, Is.EqualTo(uploaded.Size));
            Assert.That(Directory.Exists(Path.Combine(target, "cache", "empty")), Is.True, "empty directory");
            foreach (var (relative, content) in files)
            {
                var path = Path.Combine(target, relative);
                Assert.That(File.ReadAllBytes(path), Is.EqualTo(content), relative);
                Assert.That(File.GetLastWriteTime(path), Is.EqualTo(times[relative]).Within(TimeSpan.FromSeconds(2)), relative);
            }
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Directory_round_trip_keeps_unix_permission_bits()
    {
        var source = NewDirectory();
        var script = Path.Combine(source, "run.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var job = TestJobs.Job(inputs: ["Out"], outputs: ["Out"]);
        using var artifacts = Factory().Create(job);

        await artifacts.UploadOutputAsync("Out", source);
        var target = NewDirectory();
        await artifacts.DownloadInputAsync("Out", target);

        Assert.That(File.GetUnixFileMode(Path.Combine(target, "run.sh")) & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));
    }

    [Test]
    public async Task Stream_upload_then_OpenInputAsync_returns_the_same_bytes_with_the_objects_length()
    {
        var content = RandomBytes(1_234_567);
        var job = TestJobs.Job(inputs: ["Blob"], outputs: ["Blob"]);
        using var artifacts = Factory().Create(job);

        using (var upload = new NonSeekableStream(content))
        {
            var uploaded = await artifacts.UploadOutputAsync("Blob", upload);
            Assert.That(uploaded.Size, Is.EqualTo(content.Length));
        }

        await using var stream = await artifacts.OpenInputAsync("Blob");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Length, Is.EqualTo(content.Length));
            Assert.That(stream.CanSeek, Is.False);
            Assert.That(copy.ToArray(), Is.EqualTo(content));
        });
    }

    [Test]
    public async Task Large_stream_goes_up_as_a_multipart_upload_and_comes_back_identical()
    {
        var partSize = ArtifactOptions.MinimumPartSize;
        var content = RandomBytes((2 * partSize) + 123_457, seed: 7);
        var job = TestJobs.Job(inputs: ["Big"], outputs: ["Big"]);
        using var artifacts = Factory(options => { options.PartSize = partSize; options.UploadConcurrency = 2; }).Create(job);

        var uploaded = await artifacts.UploadOutputAsync("Big", new NonSeekableStream(content));
        var stored = await ReadObjectAsync(TestJobs.KeyOf(job, "Big"));

        var requests = Proxy.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(uploaded.PartCount, Is.EqualTo(3));
            Assert.That(uploaded.Size, Is.EqualTo(content.Length));
            Assert.That(SHA256.HashData(stored), Is.EqualTo(SHA256.HashData(content)));
            Assert.That(requests.Count(request => request.Method == "POST" && request.HasQuery("uploads")), Is.EqualTo(1));
            Assert.That(requests.Count(request => request.Method == "PUT" && request.HasQuery("partNumber")), Is.EqualTo(3));
            Assert.That(requests.Count(request => request.Method == "POST" && request.HasQuery("uploadId")), Is.EqualTo(1));
            Assert.That(requests.Where(request => request.Method == "PUT").Select(request => long.Parse(request.Header("content-length")!, System.Globalization.CultureInfo.InvariantCulture)),
                Is.EquivalentTo(new long[] { partSize, partSize, 123_457 }), "parts are bounded by PartSize");
        });
    }

    [Test]
    public async Task Output_exactly_one_part_long_goes_up_in_one_request()
    {
        var content = RandomBytes(ArtifactOptions.MinimumPartSize, seed: 3);
        var job = TestJobs.Job(outputs: ["Exact"]);
        using var artifacts = Factory(options => options.PartSize = ArtifactOptions.MinimumPartSize).Create(job);

        var uploaded = await artifacts.UploadOutputAsync("Exact", new MemoryStream(content));

        Assert.Multiple(() =>
        {
            Assert.That(uploaded.PartCount, Is.EqualTo(1));
            Assert.That(Proxy.Requests.Select(request => request.Method), Is.EqualTo(new[] { "PUT" }));
        });
        Assert.That(await ReadObjectAsync(TestJobs.KeyOf(job, "Exact")), Is.EqualTo(content));
    }

    [Test]
    public async Task Empty_stream_uploads_an_empty_object()
    {
        var job = TestJobs.Job(outputs: ["Empty"]);
        using var artifacts = Factory().Create(job);

        var uploaded = await artifacts.UploadOutputAsync("Empty", new MemoryStream());

        Assert.That(uploaded.Size, Is.Zero);
        Assert.That(await ReadObjectAsync(TestJobs.KeyOf(job, "Empty")), Is.Empty);
    }

    [Test]
    public async Task DownloadInputFileAsync_writes_the_archive_as_stored()
    {
        var content = RandomBytes(456_789);
        var job = TestJobs.Job(inputs: ["Zip"]);
        await SeedAsync(TestJobs.KeyOf(job, "Zip"), content);
        using var artifacts = Factory().Create(job);
        var file = Path.Combine(NewDirectory(), "input.zip");

        var written = await artifacts.DownloadInputFileAsync("Zip", file);

        Assert.That(written, Is.EqualTo(content.Length));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(content));
    }

    [Test]
    public async Task OpenInputAsync_streams_the_first_bytes_before_the_rest_has_arrived()
    {
        var content = RandomBytes(3_000_000, seed: 5);
        var (job, key) = await SeedInputAsync("Slow", content);
        using var artifacts = Factory().Create(job);
        var release = Proxy.InjectStall(request => request.Method == "GET" && IsObject(request, key), afterBytes: 100_000);

        await using var stream = await artifacts.OpenInputAsync("Slow");
        var head = new byte[100_000];
        await stream.ReadExactlyAsync(head).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        // The server is still holding back the remaining 2.9 MB: the caller already has the first bytes.
        Assert.That(head, Is.EqualTo(content[..100_000]));
        release.SetResult();
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        Assert.That(rest.ToArray(), Is.EqualTo(content[100_000..]));
    }

    [Test]
    public async Task A_download_cut_off_mid_body_resumes_with_a_ranged_GET_of_the_same_version()
    {
        var content = RandomBytes(2_000_000, seed: 9);
        var (job, key) = await SeedInputAsync("Flaky", content);
        using var artifacts = Factory().Create(job);
        Proxy.InjectTruncatedBody(request => request.Method == "GET" && IsObject(request, key), afterBytes: 700_000);

        var file = Path.Combine(NewDirectory(), "flaky.zip");
        await artifacts.DownloadInputFileAsync("Flaky", file);

        var gets = Proxy.Requests.Where(request => request.Method == "GET").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(file), Is.EqualTo(content));
            Assert.That(gets, Has.Count.EqualTo(2));
            Assert.That(gets[1].Header("range"), Does.StartWith("bytes="));
            Assert.That(gets[1].Header("range"), Does.EndWith($"-{content.Length - 1}"));
            Assert.That(gets[1].Header("if-match"), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task Extracting_a_zip_made_elsewhere_works()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("src/main.c");
            using var writer = new StreamWriter(entry.Open());
            await writer.WriteAsync("int main(void) { return 0; }\n");
        }

        var job = TestJobs.Job(inputs: ["SourceOutput"]);
        await SeedAsync(TestJobs.KeyOf(job, "SourceOutput"), zip.ToArray());
        using var artifacts = Factory().Create(job);
        var target = NewDirectory();

        var result = await artifacts.DownloadInputAsync("SourceOutput", target);

        Assert.That(result.FileCount, Is.EqualTo(1));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(target, "src", "main.c")), Does.Contain("int main"));
    }
}
