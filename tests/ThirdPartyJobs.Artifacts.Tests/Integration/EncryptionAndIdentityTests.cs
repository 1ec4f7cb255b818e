namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>What the server received: SSE-KMS headers on every upload, and the job's credentials (never the worker's) on every request.</summary>
public sealed class EncryptionAndIdentityTests : S3IntegrationTest
{
    private const string KeyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Test]
    public async Task Upload_carries_aws_kms_and_the_jobs_key_id()
    {
        var job = TestJobs.Job(outputs: ["Out"], encryptionKey: ThirdPartyJobsModelFactory.EncryptionKey(KeyArn, EncryptionKeyType.KMS));
        using var artifacts = Factory().Create(job);

        await artifacts.UploadOutputAsync("Out", new MemoryStream(RandomBytes(1000)));

        var put = Proxy.Requests.Single(request => request.Method == "PUT");
        Assert.Multiple(() =>
        {
            Assert.That(put.Header("x-amz-server-side-encryption"), Is.EqualTo("aws:kms"));
            Assert.That(put.Header("x-amz-server-side-encryption-aws-kms-key-id"), Is.EqualTo(KeyArn));
            Assert.That(put.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Upload_without_a_job_key_asks_for_aws_kms_with_the_default_key()
    {
        var job = TestJobs.Job(outputs: ["Out"], encryptionKey: null);
        using var artifacts = Factory().Create(job);

        await artifacts.UploadOutputAsync("Out", new MemoryStream(RandomBytes(1000)));

        var put = Proxy.Requests.Single(request => request.Method == "PUT");
        Assert.Multiple(() =>
        {
            Assert.That(put.Header("x-amz-server-side-encryption"), Is.EqualTo("aws:kms"));
            Assert.That(put.Header("x-amz-server-side-encryption-aws-kms-key-id"), Is.Null);
        });
    }

    [Test]
    public async Task Multipart_upload_asks_for_SSE_KMS_when_it_is_created()
    {
        var job = TestJobs.Job(outputs: ["Out"], encryptionKey: ThirdPartyJobsModelFactory.EncryptionKey(KeyArn, EncryptionKeyType.KMS));
        using var artifacts = Factory(options => options.PartSize = ArtifactOptions.MinimumPartSize).Create(job);

        await artifacts.UploadOutputAsync("Out", new MemoryStream(RandomBytes(ArtifactOptions.MinimumPartSize + 10)));

        var create = Proxy.Requests.Single(request => request.Method == "POST" && request.HasQuery("uploads"));
        Assert.Multiple(() =>
        {
            Assert.That(create.Header("x-amz-server-side-encryption"), Is.EqualTo("aws:kms"));
            Assert.That(create.Header("x-amz-server-side-encryption-aws-kms-key-id"), Is.EqualTo(KeyArn));
        });
    }

    [Test]
    public async Task Directory_upload_carries_SSE_KMS_too()
    {
        var source = NewDirectory();
        await File.WriteAllTextAsync(Path.Combine(source, "a.txt"), "a");
        var job = TestJobs.Job(outputs: ["Out"], encryptionKey: ThirdPartyJobsModelFactory.EncryptionKey(KeyArn, EncryptionKeyType.KMS));
        using var artifacts = Factory().Create(job);

        await artifacts.UploadOutputAsync("Out", source);

        var put = Proxy.Requests.Single(request => request.Method == "PUT");
        Assert.That(put.Header("x-amz-server-side-encryption-aws-kms-key-id"), Is.EqualTo(KeyArn));
        Assert.That(put.Header("content-type"), Is.EqualTo("application/zip"));
    }

    [Test]
    public async Task Every_request_is_signed_with_the_jobs_credentials_even_when_the_environment_has_others()
    {
        var job = TestJobs.Job(inputs: ["In"], outputs: ["Out"]);
        await SeedAsync(TestJobs.KeyOf(job, "In"), RandomBytes(100));
        var saved = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAWORKERIDENTITY00");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "worker-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "worker-token");
        try
        {
            using var artifacts = Factory().Create(job);
            await using (var stream = await artifacts.OpenInputAsync("In"))
            {
                await stream.CopyToAsync(Stream.Null);
            }

            await artifacts.UploadOutputAsync("Out", new MemoryStream(RandomBytes(100)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Item2);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", saved.Item3);
        }

        Assert.That(Proxy.Requests, Has.Count.EqualTo(2));
        foreach (var request in Proxy.Requests)
        {
            Assert.Multiple(() =>
            {
                Assert.That(request.Header("authorization"), Does.StartWith("AWS4-HMAC-SHA256 Credential=S3RVER/"), request.ToString());
                Assert.That(request.Header("x-amz-security-token"), Is.EqualTo(TestJobs.CanaryToken), request.ToString());
            });
        }
    }

    [Test]
    public async Task Requests_use_path_style_addressing_against_the_endpoint_override()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory().Create(job);

        await artifacts.UploadOutputAsync("Out", new MemoryStream([1, 2, 3]));

        var put = Proxy.Requests.Single();
        Assert.That(put.Path, Is.EqualTo($"/{TestJobs.Bucket}/{TestJobs.KeyOf(job, "Out")}"));
        Assert.That(put.Header("host"), Does.StartWith("127.0.0.1:"));
    }
}
