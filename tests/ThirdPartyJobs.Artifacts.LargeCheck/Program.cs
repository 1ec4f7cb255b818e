using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ThirdPartyJobs;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Testing;

// Streams a generated artifact of --size-mib (default 1024) through the artifact API against a
// local s3rver and reports MB/s and memory per phase. The point: memory stays far below the size.
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
if (args is ["--hostile", var scenario])
{
    return await HostileArchiveCheck.RunAsync(scenario);
}

var sizeMib = args.Length == 2 && args[0] == "--size-mib" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
var size = sizeMib * 1024L * 1024;
const string Bucket = "large-check";
var work = Path.Combine(Path.GetTempPath(), "tpj-large-check-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var report = new List<string>();

try
{
    await using var server = await LocalS3Server.StartAsync([Bucket]);
    // Built with the model factory (the records' constructors are internal).
    var job = ThirdPartyJobsModelFactory.JobDetails(
        id: "large-job",
        nonce: "nonce",
        inputArtifacts: [Artifact("Dir", "big/dir.zip"), Artifact("Stream", "big/stream.bin")],
        outputArtifacts: [Artifact("Dir", "big/dir.zip"), Artifact("Stream", "big/stream.bin")],
        artifactCredentials: ThirdPartyJobsModelFactory.SessionCredentials(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, "token"),
        encryptionKey: ThirdPartyJobsModelFactory.EncryptionKey("arn:aws:kms:us-east-1:111122223333:key/large-check", EncryptionKeyType.KMS),
        fillDefaults: false);
    var options = new ArtifactOptions { ServiceUrl = server.ServiceUrl, Region = "us-east-1", TempDirectory = work, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest };
    using var artifacts = new JobArtifactsFactory(options).Create(job);
    Console.WriteLine($"Artifact size {sizeMib} MiB; part size {options.PartSize / 1024 / 1024} MiB x {options.UploadConcurrency} in flight; s3rver at {server.ServiceUrl}");

    // 1. Stream upload from a generated, non-seekable source: nothing on disk on our side.
    var sourceHash = await Measure("upload stream (PutObject parts from a pipe-like source)", size, async () =>
    {
        await using var source = new GeneratedStream(size, seed: 1);
        await artifacts.UploadOutputAsync("Stream", source);
        return source.Hash();
    });

    // 2. Stream download to a hash: nothing on disk on our side.
    var downloadHash = await Measure("download stream (OpenInputAsync -> SHA-256)", size, async () =>
    {
        await using var stream = await artifacts.OpenInputAsync("Stream");
        return Convert.ToHexString(await SHA256.HashDataAsync(stream));
    });
    Check(sourceHash == downloadHash, "stream round trip is byte-identical");

    // 3. Directory upload: generate files, zip to a temporary file, upload it.
    var source = Path.Combine(work, "source");
    var fileHashes = GenerateDirectory(source, size);
    await Measure("upload directory (zip to temp file + multipart upload)", size, async () =>
    {
        var uploaded = await artifacts.UploadOutputAsync("Dir", source);
        Console.WriteLine($"    archive {uploaded.Size / 1024.0 / 1024:0} MiB in {uploaded.PartCount} parts");
        return string.Empty;
    });
    Directory.Delete(source, recursive: true);

    // 4. Directory download: stream to a temporary file, extract with limits.
    var target = Path.Combine(work, "target");
    await Measure("download directory (temp file + safe extract)", size, async () =>
    {
        var result = await artifacts.DownloadInputAsync("Dir", target);
        Console.WriteLine($"    extracted {result.FileCount} files, {result.ExtractedBytes / 1024.0 / 1024:0} MiB");
        return string.Empty;
    });
    foreach (var (name, hash) in fileHashes)
    {
        Check(HashFile(Path.Combine(target, name)) == hash, $"{name} is byte-identical");
    }

    Check(Directory.GetFiles(work).Length == 0, "no staging files left behind");
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    report.Add($"Process peak working set over the whole run: {self.PeakWorkingSet64 / 1024.0 / 1024:0} MiB (artifact: {sizeMib} MiB); GC allocated in total: {GC.GetTotalAllocatedBytes() / 1024.0 / 1024:0} MiB");
    Console.WriteLine();
    report.ForEach(Console.WriteLine);
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

async Task<string> Measure(string phase, long bytes, Func<Task<string>> action)
{
    GC.Collect();
    using var sampler = new MemorySampler();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var result = await action();
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var line = $"{phase,-62} {bytes / 1024.0 / 1024 / clock.Elapsed.TotalSeconds,7:0.0} MiB/s  {clock.Elapsed.TotalSeconds,6:0.0} s  max working set {sampler.MaxWorkingSet / 1024.0 / 1024,5:0} MiB  max GC heap {sampler.MaxHeap / 1024.0 / 1024,5:0} MiB  allocated {allocated / 1024.0 / 1024,6:0} MiB";
    report.Add(line);
    Console.WriteLine(line);
    return result;
}

static Artifact Artifact(string name, string key) =>
    ThirdPartyJobsModelFactory.Artifact(name, bucketName: Bucket, objectKey: key);

static Dictionary<string, string> GenerateDirectory(string directory, long total)
{
    const long FileSize = 128L * 1024 * 1024;
    var hashes = new Dictionary<string, string>();
    var buffer = new byte[1024 * 1024];
    var random = new Random(2);
    for (var index = 0; total > 0; index++)
    {
        var name = Path.Combine($"part{index % 3}", $"blob{index}.bin");
        var path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(path))
        {
            for (var written = 0L; written < Math.Min(FileSize, total); written += buffer.Length)
            {
                random.NextBytes(buffer);
                file.Write(buffer);
                hash.AppendData(buffer);
            }
        }

        hashes[name] = Convert.ToHexString(hash.GetHashAndReset());
        total -= FileSize;
    }

    return hashes;
}

static string HashFile(string path)
{
    using var file = File.OpenRead(path);
    return Convert.ToHexString(SHA256.HashData(file));
}

static void Check(bool condition, string what)
{
    Console.WriteLine($"    {(condition ? "ok" : "FAILED")}: {what}");
    if (!condition)
    {
        Environment.ExitCode = 1;
    }
}

/// <summary>Incompressible bytes generated on the fly: a pipe-like source with no length and no seeking.</summary>
internal sealed class GeneratedStream(long length, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _remaining = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public string Hash() => Convert.ToHexString(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = (int)Math.Min(count, _remaining);
        _random.NextBytes(buffer.AsSpan(offset, read));
        _hash.AppendData(buffer, offset, read);
        _remaining -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Samples the process's working set and GC heap every 50 ms while a phase runs.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            MaxWorkingSet = Math.Max(MaxWorkingSet, process.WorkingSet64);
            MaxHeap = Math.Max(MaxHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    public long MaxWorkingSet { get; private set; }

    public long MaxHeap { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}
