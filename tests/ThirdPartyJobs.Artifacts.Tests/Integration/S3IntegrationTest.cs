using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using LocalS3Server = ThirdPartyJobs.Testing.LocalS3Server;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// Base of the integration tests: the library talks to s3rver through a recording proxy; a plain
/// SDK client (straight to s3rver) seeds and reads objects behind the library's back.
/// </summary>
public abstract class S3IntegrationTest
{
    private readonly List<string> _temporaryDirectories = [];

    protected RecordingS3Proxy Proxy { get; private set; } = null!;

    protected AmazonS3Client Direct { get; private set; } = null!;

    protected CapturingLoggerProvider Logs { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartProxyAsync()
    {
        Proxy = await RecordingS3Proxy.StartAsync(S3ServerFixture.Server.ServiceUrl);
        Direct = new AmazonS3Client(
            new BasicAWSCredentials(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey),
            new AmazonS3Config { ServiceURL = S3ServerFixture.Server.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    [OneTimeTearDown]
    public async Task StopProxyAsync()
    {
        Direct.Dispose();
        await Proxy.DisposeAsync();
    }

    [SetUp]
    public void ResetProxy()
    {
        Proxy.Reset();
        Logs = new CapturingLoggerProvider();
    }

    [TearDown]
    public void DeleteTemporaryDirectories()
    {
        Logs.Dispose();
        foreach (var directory in _temporaryDirectories)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        _temporaryDirectories.Clear();
    }

    /// <summary>Options that reach s3rver through the proxy and retry without waiting.</summary>
    protected ArtifactOptions Options(Action<ArtifactOptions>? configure = null)
    {
        var options = new ArtifactOptions
        {
            ServiceUrl = Proxy.Url,
            Region = "us-east-1",
            Retry = { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, UseJitter = false, MaxAttempts = 3 },
        };
        configure?.Invoke(options);
        return options;
    }

    protected JobArtifactsFactory Factory(Action<ArtifactOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(configure), LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)), time);

    protected string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tpj-artifacts-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        _temporaryDirectories.Add(path);
        return path;
    }

    protected async Task SeedAsync(string key, byte[] content)
    {
        using var body = new MemoryStream(content);
        await Direct.PutObjectAsync(new PutObjectRequest { BucketName = TestJobs.Bucket, Key = key, InputStream = body, UseChunkEncoding = false });
    }

    /// <summary>The download arrangement: a job whose one input artifact, <paramref name="name"/>, holds <paramref name="content"/>; returns the job and the object's key.</summary>
    protected async Task<(JobDetails Job, string Key)> SeedInputAsync(string name, byte[] content)
    {
        var job = TestJobs.Job(inputs: [name]);
        var key = TestJobs.KeyOf(job, name);
        await SeedAsync(key, content);
        return (job, key);
    }

    protected async Task<byte[]> ReadObjectAsync(string key)
    {
        using var response = await Direct.GetObjectAsync(TestJobs.Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static byte[] RandomBytes(int length, int seed = 42)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static bool IsObject(RecordedRequest request, string key) =>
        request.Path.EndsWith("/" + key, StringComparison.Ordinal);
}
