using System.Net;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LocalS3Server = ThirdPartyJobs.Testing.LocalS3Server;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// The AWS SDK's own logging, with every <c>AWSConfigs.LoggingConfig</c> option on, never writes the job's
/// credentials: not in request metrics (whose canonical request carries <c>x-amz-security-token</c>), not in
/// logged responses (S3's error bodies quote the access key id and, for <c>SignatureDoesNotMatch</c>, the
/// canonical request with the session token).
/// </summary>
[NonParallelizable]
public sealed class SdkLoggingTests : S3IntegrationTest
{
    private const string CanaryKeyId = "ASIACANARYSDKLOG7Q2Z";

    [TestCase(LogMetricsFormatOption.Standard)]
    [TestCase(LogMetricsFormatOption.JSON)]
    public async Task The_sdks_own_logs_never_show_the_jobs_credentials(LogMetricsFormatOption metricsFormat)
    {
        using var sdk = new SdkLogCapture(metricsFormat);
        var good = TestJobs.Job(inputs: ["In"], outputs: ["Out"]);
        await SeedAsync(TestJobs.KeyOf(good, "In"), ZipFactory.Create(zip => zip.AddText("a.txt", "a")));
        using (var artifacts = Factory().Create(good))
        {
            await artifacts.DownloadInputAsync("In", NewDirectory());
            await artifacts.UploadOutputAsync("Out", new MemoryStream([1, 2, 3]));
        }

        // What real S3 answers to a request signed with a secret it does not expect.
        var stolen = TestJobs.Job(inputs: ["In"], credentials: ThirdPartyJobsModelFactory.SessionCredentials(CanaryKeyId, TestJobs.CanarySecret, TestJobs.CanaryToken));
        Proxy.InjectResponse(_ => true, 10, HttpStatusCode.Forbidden, "application/xml", (body, token) => body.WriteAsync(SignatureDoesNotMatch(TestJobs.KeyOf(stolen, "In")), token).AsTask());
        Exception error;
        using (var artifacts = Factory().Create(stolen))
        {
            error = Assert.CatchAsync(() => artifacts.DownloadInputAsync("In", NewDirectory()))!;
        }

        // The same capture does see a plain SDK client's metrics and error bodies: it would have caught a leak.
        using (var plain = new AmazonS3Client(
            new BasicAWSCredentials(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey),
            new AmazonS3Config { ServiceURL = S3ServerFixture.Server.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }))
        {
            Assert.CatchAsync(() => plain.GetObjectAsync(new GetObjectRequest { BucketName = TestJobs.Bucket, Key = "sdk-log-probe/missing" }));
        }

        var sdkText = sdk.AllText;
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ArtifactAccessDeniedException>());
            Assert.That(sdkText, Does.Contain("CanonicalRequest").And.Contain("NoSuchKey"), "the capture works: it shows a plain client's request metrics and error body");
            foreach (var secret in new[] { TestJobs.CanarySecret, TestJobs.CanaryToken, CanaryKeyId })
            {
                Assert.That(sdkText, Does.Not.Contain(secret), "the SDK's logs");
                Assert.That(Logs.AllText(), Does.Not.Contain(secret), "the library's logs");
                Assert.That(error.ToString(), Does.Not.Contain(secret), "the exception");
            }
        });
    }

    private static byte[] SignatureDoesNotMatch(string key) => Encoding.UTF8.GetBytes(
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>
        <AWSAccessKeyId>{CanaryKeyId}</AWSAccessKeyId>
        <StringToSign>AWS4-HMAC-SHA256
        20261202T010203Z
        20261202/us-east-1/s3/aws4_request
        0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0</StringToSign>
        <SignatureProvided>3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b</SignatureProvided>
        <CanonicalRequest>GET
        /{TestJobs.Bucket}/{key}

        host:127.0.0.1
        x-amz-content-sha256:UNSIGNED-PAYLOAD
        x-amz-date:20261202T010203Z
        x-amz-security-token:{TestJobs.CanaryToken}

        host;x-amz-content-sha256;x-amz-date;x-amz-security-token
        UNSIGNED-PAYLOAD</CanonicalRequest>
        <RequestId>4442587FB7D0A2F9</RequestId><HostId>canary-host-id</HostId></Error>
        """);
}
