using System.Net;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>Canary credentials are driven through successes and every kind of failure; no log line (Trace included, Polly's included) and no exception text may show them.</summary>
public sealed class SecretRedactionTests : S3IntegrationTest
{
    private const string CanaryKeyId = "ASIACANARYKEYID7Q2Z";

    [Test]
    public async Task Credentials_never_reach_logs_or_exceptions()
    {
        var errors = new List<Exception>();
        var good = TestJobs.Job(inputs: ["In"], outputs: ["Out"]);
        await SeedAsync(TestJobs.KeyOf(good, "In"), ZipFactory.Create(zip => zip.AddText("a.txt", "a")));
        using (var artifacts = Factory().Create(good))
        {
            await artifacts.DownloadInputAsync("In", NewDirectory());
            await artifacts.UploadOutputAsync("Out", new MemoryStream([1, 2, 3]));

            Proxy.InjectError(_ => true, 1, HttpStatusCode.Forbidden, "AccessDenied", $"Denied for {TestJobs.CanaryToken}");
            errors.Add(Assert.CatchAsync(() => artifacts.OpenInputAsync("In"))!);
            Proxy.InjectError(_ => true, 10, HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.");
            errors.Add(Assert.CatchAsync(() => artifacts.UploadOutputAsync("Out", new MemoryStream([1])))!);
            Proxy.Reset();
            Proxy.InjectError(_ => true, 10, HttpStatusCode.ServiceUnavailable, "SlowDown", "Reduce your request rate.");
            errors.Add(Assert.CatchAsync(() => artifacts.OpenInputAsync("In"))!);
            Proxy.Reset();
        }

        var wrongKey = TestJobs.Job(inputs: ["In"], credentials: ThirdPartyJobsModelFactory.SessionCredentials(CanaryKeyId, TestJobs.CanarySecret, TestJobs.CanaryToken));
        using (var artifacts = Factory().Create(wrongKey))
        {
            errors.Add(Assert.CatchAsync(() => artifacts.DownloadInputAsync("In", NewDirectory()))!);
            Assert.That(artifacts.ToString(), Does.Not.Contain(CanaryKeyId));
        }

        Assert.That(errors.Select(error => error.GetType()), Is.EqualTo(new[]
        {
            typeof(ArtifactAccessDeniedException), typeof(ArtifactCredentialsExpiredException), typeof(ArtifactStoreUnavailableException), typeof(ArtifactAccessDeniedException),
        }));
        // Polly's own per-attempt entries are off; the library's lines (retries included) are what is swept.
        Assert.That(Logs.Lines, Has.Count.GreaterThan(10), "Trace-level logs were captured");
        Assert.That(Logs.AllText(), Does.Contain("S3 GetObject: attempt 1 of 3 failed with SlowDown; retrying in 0 ms"), "the retry lines were swept too");
        foreach (var secret in new[] { TestJobs.CanarySecret, TestJobs.CanaryToken, CanaryKeyId })
        {
            Assert.Multiple(() =>
            {
                Assert.That(Logs.AllText(), Does.Not.Contain(secret));
                foreach (var error in errors)
                {
                    Assert.That(error.ToString(), Does.Not.Contain(secret), error.GetType().Name);
                }
            });
        }

        Assert.That(errors[0].Message, Does.Contain("Denied for ***"), "S3's message is kept, scrubbed");
    }
}
