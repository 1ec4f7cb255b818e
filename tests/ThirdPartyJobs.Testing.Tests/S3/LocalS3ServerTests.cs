using System.Text;

namespace ThirdPartyJobs.Testing.Tests.S3;

/// <summary>The local S3 server as partners use it: start with buckets, seed and read objects, stop.</summary>
public sealed class LocalS3ServerTests
{
    private static EmulatorCredential LocalArtifactCredentials => new(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, LocalS3Server.SessionToken);

    [Test]
    public async Task Started_server_stores_and_returns_objects_in_its_buckets()
    {
        await using var server = await LocalS3Server.StartAsync(["artifacts", "other.bucket-2"]);
        var key = "pipeline/Source Output/ünïcode+plus.zip";
        var content = Encoding.UTF8.GetBytes("not really a zip");

        await server.PutObjectAsync("artifacts", key, content);

        Assert.Multiple(async () =>
        {
            Assert.That(server.ServiceUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.ServiceUrl.AbsolutePath, Is.EqualTo("/"));
            Assert.That(server.Buckets, Is.EqualTo(new[] { "artifacts", "other.bucket-2" }));
            Assert.That(Directory.Exists(server.DataDirectory), Is.True);
            Assert.That(await server.GetObjectAsync("artifacts", key), Is.EqualTo(content));
            Assert.That(await server.GetObjectAsync("artifacts", "pipeline/missing.zip"), Is.Null, "no such key");
            Assert.That(await server.GetObjectAsync("other.bucket-2", key), Is.Null, "buckets are separate");
            Assert.That(() => server.GetObjectAsync("no-such-bucket", key), Throws.InvalidOperationException.With.Message.Contains("NoSuchBucket"));
            Assert.That(server.ToString(), Does.Contain(server.ServiceUrl.ToString()).And.Contain("artifacts"));
        });
    }

    [Test]
    public async Task Dispose_stops_the_server_and_deletes_its_data_and_may_be_repeated()
    {
        var server = await LocalS3Server.StartAsync(["artifacts"]);
        await server.PutObjectAsync("artifacts", "a.txt", "a"u8.ToArray());
        var data = server.DataDirectory;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(data), Is.False);
            Assert.That(() => http.GetAsync(server.ServiceUrl), Throws.InstanceOf<HttpRequestException>(), "nothing listens any more");
            Assert.That(() => server.PutObjectAsync("artifacts", "b.txt", "b"u8.ToArray()), Throws.InstanceOf<ObjectDisposedException>());
        });
    }

    [TestCase("ab")]
    [TestCase("Upper")]
    [TestCase("-leading-hyphen")]
    [TestCase("trailing-hyphen-")]
    [TestCase("two..dots")]
    [TestCase("under_score")]
    [TestCase("")]
    public void StartAsync_refuses_an_invalid_bucket_name_before_starting_anything(string bucket) =>
        Assert.That(() => LocalS3Server.StartAsync([bucket]), Throws.ArgumentException.With.Property("ParamName").EqualTo("buckets").And.Message.Contains("not a valid S3 bucket name"));

    [Test]
    public void StartAsync_refuses_repeated_buckets_and_bad_options()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => LocalS3Server.StartAsync(["same", "same"]), Throws.ArgumentException.With.Message.Contains("distinct"));
            Assert.That(() => LocalS3Server.StartAsync(null!), Throws.ArgumentNullException);
            Assert.That(() => LocalS3Server.StartAsync(["ok-bucket"], new LocalS3ServerOptions { StartTimeout = TimeSpan.Zero }), Throws.ArgumentException.With.Message.Contains("StartTimeout"));
            Assert.That(() => LocalS3Server.StartAsync(["ok-bucket"], new LocalS3ServerOptions { InstallTimeout = TimeSpan.FromSeconds(-1) }), Throws.ArgumentException.With.Message.Contains("InstallTimeout"));
            Assert.That(() => LocalS3Server.EnsureInstalledAsync(new LocalS3ServerOptions { InstallDirectory = " " }), Throws.ArgumentException.With.Message.Contains("InstallDirectory"));
        });
    }

    [Test]
    public async Task Object_methods_refuse_bad_arguments()
    {
        await using var server = await LocalS3Server.StartAsync(["artifacts"]);
        Assert.Multiple(() =>
        {
            Assert.That(() => server.PutObjectAsync("Bad_Bucket", "k", Array.Empty<byte>()), Throws.ArgumentException);
            Assert.That(() => server.PutObjectAsync("artifacts", "", Array.Empty<byte>()), Throws.ArgumentException);
            Assert.That(() => server.GetObjectAsync("artifacts", new string('k', 1025)), Throws.ArgumentException.With.Message.Contains("1024 bytes"));
        });
    }

    [Test]
    public void Artifact_credentials_from_the_servers_keys_are_the_ones_s3rver_accepts_and_print_no_secret()
    {
        // The S3 package does not depend on the emulator: a job's credentials are built from the server's keys.
        var credentials = LocalArtifactCredentials;
        Assert.Multiple(() =>
        {
            Assert.That(credentials.AccessKeyId, Is.EqualTo(LocalS3Server.AccessKeyId).And.EqualTo("S3RVER"));
            Assert.That(credentials.SecretAccessKey, Is.EqualTo(LocalS3Server.SecretAccessKey));
            Assert.That(credentials.SessionToken, Is.EqualTo(LocalS3Server.SessionToken));
            Assert.That(credentials.ToString(), Does.Not.Contain(LocalS3Server.SessionToken).And.Not.Contain("S3RVER"));
        });
    }

    [Test]
    public async Task An_emulated_job_with_local_artifact_credentials_carries_them_and_the_servers_locations()
    {
        await using var emulator = await CodePipelineEmulator.StartAsync();
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "LocalArtifacts", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec
        {
            ArtifactCredentials = LocalArtifactCredentials,
            InputArtifacts = { new ArtifactSpec("SourceOutput", "artifacts", "pipeline/source.zip") },
        });

        using var client = new EmulatorClient(emulator);
        await client.CallAsync(CodePipelineOperation.PollForThirdPartyJobs, new { actionTypeId = new { category = "Build", owner = "ThirdParty", provider = "LocalArtifacts", version = "1" } });
        var details = await client.CallAsync(CodePipelineOperation.GetThirdPartyJobDetails, new { jobId, clientToken = actionType.ClientToken });

        Assert.That(details.Body, Does.Contain("\"accessKeyId\":\"S3RVER\"").And.Contain("\"sessionToken\":\"S3RVER-SESSION-TOKEN\"").And.Contain("\"bucketName\":\"artifacts\""));
    }
}
