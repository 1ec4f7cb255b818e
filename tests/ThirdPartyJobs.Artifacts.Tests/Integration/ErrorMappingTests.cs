using System.Net;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// S3 failures become typed exceptions. Wrong access keys and missing objects are real s3rver
/// answers; AccessDenied, ExpiredToken and 503 SlowDown are injected by the proxy, because s3rver
/// neither evaluates policies nor verifies SigV4 signatures or session tokens.
/// </summary>
public sealed class ErrorMappingTests : S3IntegrationTest
{
    [Test]
    public async Task An_access_key_the_server_does_not_know_is_ArtifactAccessDeniedException()
    {
        var job = TestJobs.Job(inputs: ["In"], credentials: ThirdPartyJobsModelFactory.SessionCredentials("ASIAWRONGKEY0000CANARY", TestJobs.CanarySecret, TestJobs.CanaryToken));
        await SeedAsync(TestJobs.KeyOf(job, "In"), [1, 2, 3]);
        using var artifacts = Factory().Create(job);

        var error = Assert.ThrowsAsync<ArtifactAccessDeniedException>(() => artifacts.OpenInputAsync("In"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("InvalidAccessKeyId"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(error.Operation, Is.EqualTo("S3:GetObject"));
            Assert.That(error.JobId, Is.EqualTo(job.Id));
            Assert.That(error.ArtifactName, Is.EqualTo("In"));
            Assert.That(error.Attempts, Is.EqualTo(1), "not retried");
            Assert.That(error.ToString(), Does.Not.Contain("ASIAWRONGKEY0000CANARY").And.Not.Contain(TestJobs.CanarySecret).And.Not.Contain(TestJobs.CanaryToken));
        });
    }

    [Test]
    public async Task AccessDenied_is_ArtifactAccessDeniedException_with_S3s_message()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory().Create(job);
        Proxy.InjectError(_ => true, 1, HttpStatusCode.Forbidden, "AccessDenied", "User is not authorized to perform: kms:GenerateDataKey");

        var error = Assert.ThrowsAsync<ArtifactAccessDeniedException>(() => artifacts.UploadOutputAsync("Out", new MemoryStream([1])));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("AccessDenied"));
            Assert.That(error.Message, Does.Contain("kms:GenerateDataKey"));
            Assert.That(error.RequestId, Does.StartWith("PROXY"));
            Assert.That(error.Operation, Is.EqualTo("S3:PutObject"));
        });
    }

    [Test]
    public void A_missing_object_is_ArtifactNotFoundException()
    {
        var job = TestJobs.Job(inputs: ["Missing"]);
        using var artifacts = Factory().Create(job);

        var error = Assert.ThrowsAsync<ArtifactNotFoundException>(() => artifacts.DownloadInputAsync("Missing", NewDirectory()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("NoSuchKey"));
            Assert.That(error.ObjectKey, Is.EqualTo(TestJobs.KeyOf(job, "Missing")));
            Assert.That(error.Message, Does.Contain("'Missing'"));
        });
    }

    [Test]
    public void A_missing_bucket_is_ArtifactNotFoundException()
    {
        var job = TestJobs.Job(inputs: ["In"], bucket: "no-such-bucket");
        using var artifacts = Factory().Create(job);

        var error = Assert.ThrowsAsync<ArtifactNotFoundException>(() => artifacts.OpenInputAsync("In"));

        Assert.That(error!.ErrorCode, Is.EqualTo("NoSuchBucket"));
    }

    [Test]
    public async Task Expired_credentials_are_renewed_from_the_source_once_and_the_request_repeated()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        await SeedAsync(TestJobs.KeyOf(job, "In"), [4, 5, 6]);
        var calls = 0;
        using var artifacts = Factory().Create(new TestRunningJob(job, _ => ValueTask.FromResult(TestJobs.ValidCredentials(++calls == 1 ? "token-old" : "token-new"))));
        Proxy.InjectError(request => request.Header("x-amz-security-token") == "token-old", 10, HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.");

        await using var stream = await artifacts.OpenInputAsync("In");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Multiple(() =>
        {
            Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 4, 5, 6 }));
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(Proxy.Requests.Select(request => request.Header("x-amz-security-token")), Is.EqualTo(new[] { "token-old", "token-new" }));
        });
    }

    [Test]
    public async Task Expired_credentials_that_the_source_cannot_renew_are_ArtifactCredentialsExpiredException_with_the_hint()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        await SeedAsync(TestJobs.KeyOf(job, "In"), [1]);
        var calls = 0;
        using var artifacts = Factory().Create(new TestRunningJob(job, _ =>
        {
            calls++;
            return ValueTask.FromResult(TestJobs.ValidCredentials());
        }));
        Proxy.InjectError(_ => true, 10, HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.");

        var error = Assert.ThrowsAsync<ArtifactCredentialsExpiredException>(() => artifacts.OpenInputAsync("In"));

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(2), "loaded once, asked again once");
            Assert.That(Proxy.Requests, Has.Count.EqualTo(1), "the same credentials are not tried twice");
            Assert.That(error!.CredentialsWereRefreshed, Is.False);
            Assert.That(error.ErrorCode, Is.EqualTo("ExpiredToken"));
            Assert.That(error.Message, Does.Contain("GetThirdPartyJobDetails"));
            Assert.That(error.Message, Does.Not.Contain(TestJobs.CanaryToken));
        });
    }

    [Test]
    public void Expired_credentials_with_the_jobs_own_credentials_fail_after_one_request_with_the_hint()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory().Create(job);
        Proxy.InjectError(_ => true, 10, HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.");

        var error = Assert.ThrowsAsync<ArtifactCredentialsExpiredException>(() => artifacts.UploadOutputAsync("Out", new MemoryStream([1])));

        Assert.That(error!.Message, Does.Contain(ArtifactCredentialsExpiredException.RenewalHint));
    }

    [Test]
    public void Fresh_credentials_that_are_refused_as_expired_too_say_so()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        var calls = 0;
        using var artifacts = Factory().Create(new TestRunningJob(job, _ => ValueTask.FromResult(TestJobs.ValidCredentials("token-" + ++calls))));
        Proxy.InjectError(_ => true, 10, HttpStatusCode.BadRequest, "ExpiredToken", "The provided token has expired.");

        var error = Assert.ThrowsAsync<ArtifactCredentialsExpiredException>(() => artifacts.OpenInputAsync("In"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.CredentialsWereRefreshed, Is.True);
            Assert.That(Proxy.Requests, Has.Count.EqualTo(2));
            Assert.That(error.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task SlowDown_and_500_are_retried_and_then_succeed()
    {
        var job = TestJobs.Job(inputs: ["In"]);
        var key = TestJobs.KeyOf(job, "In");
        await SeedAsync(key, [7, 8, 9]);
        using var artifacts = Factory().Create(job);
        Proxy.InjectError(request => request.Method == "GET", 1, HttpStatusCode.ServiceUnavailable, "SlowDown", "Please reduce your request rate.");
        Proxy.InjectError(request => request.Method == "GET", 1, HttpStatusCode.InternalServerError, "InternalError", "We encountered an internal error.");

        await using var stream = await artifacts.OpenInputAsync("In");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Multiple(() =>
        {
            Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 7, 8, 9 }));
            Assert.That(Proxy.Requests.Select(request => request.Status), Is.EqualTo(new[] { 503, 500, 200 }));
        });
    }

    [Test]
    public void SlowDown_until_the_budget_runs_out_is_ArtifactStoreUnavailableException_with_the_attempt_count()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory(options => options.Retry.MaxAttempts = 4).Create(job);
        Proxy.InjectError(_ => true, 100, HttpStatusCode.ServiceUnavailable, "SlowDown", "Please reduce your request rate.");

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(() => artifacts.UploadOutputAsync("Out", new MemoryStream([1, 2])));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Attempts, Is.EqualTo(4));
            Assert.That(error.ErrorCode, Is.EqualTo("SlowDown"));
            Assert.That(Proxy.Requests, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void A_part_that_keeps_failing_aborts_the_multipart_upload()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory(options =>
        {
            options.PartSize = ArtifactOptions.MinimumPartSize;
            options.UploadConcurrency = 1;
        }).Create(job);
        Proxy.InjectError(request => request.Method == "PUT" && request.Query.Contains("partNumber=2", StringComparison.Ordinal), 100, HttpStatusCode.InternalServerError, "InternalError");

        var error = Assert.ThrowsAsync<ArtifactStoreUnavailableException>(
            () => artifacts.UploadOutputAsync("Out", new NonSeekableStream(RandomBytes((2 * ArtifactOptions.MinimumPartSize) + 1))));

        var requests = Proxy.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(error!.Operation, Is.EqualTo("S3:UploadPart"));
            Assert.That(requests.Count(request => request.Method == "DELETE" && request.HasQuery("uploadId")), Is.EqualTo(1), "aborted");
            Assert.That(requests.Any(request => request.Method == "POST" && request.HasQuery("uploadId")), Is.False, "never completed");
            Assert.That(requests.Any(request => request.Query.Contains("partNumber=3", StringComparison.Ordinal)), Is.False, "stopped reading after the failure");
        });
    }

    [Test]
    public void Cancelling_an_upload_aborts_the_multipart_upload_and_throws_OperationCanceledException()
    {
        var job = TestJobs.Job(outputs: ["Out"]);
        using var artifacts = Factory(options => options.PartSize = ArtifactOptions.MinimumPartSize).Create(job);
        using var cancellation = new CancellationTokenSource();
        var content = new CancelAfterStream(RandomBytes(3 * ArtifactOptions.MinimumPartSize), cancelAt: (2 * ArtifactOptions.MinimumPartSize) + 10, cancellation);

        Assert.That(() => artifacts.UploadOutputAsync("Out", content, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Proxy.Requests.Count(request => request.Method == "DELETE" && request.HasQuery("uploadId")), Is.EqualTo(1));
    }

    [Test]
    public void An_unknown_artifact_name_is_an_ArgumentException_naming_the_known_ones_and_no_request_is_made()
    {
        var job = TestJobs.Job(inputs: ["SourceArtifact", "Config"], outputs: ["BuildArtifact"]);
        using var artifacts = Factory().Create(job);

        var input = Assert.ThrowsAsync<ArgumentException>(() => artifacts.OpenInputAsync("sourceartifact"));
        var output = Assert.ThrowsAsync<ArgumentException>(() => artifacts.UploadOutputAsync("SourceArtifact", new MemoryStream()));

        Assert.Multiple(() =>
        {
            Assert.That(input!.Message, Does.Contain("'sourceartifact'").And.Contain("'SourceArtifact', 'Config'"));
            Assert.That(input.ParamName, Is.EqualTo("name"));
            Assert.That(output!.Message, Does.Contain("'BuildArtifact'"));
            Assert.That(Proxy.Requests, Is.Empty);
        });
    }

    /// <summary>Cancels a token once the reader has consumed a given number of bytes.</summary>
    private sealed class CancelAfterStream(byte[] content, int cancelAt, CancellationTokenSource cancellation) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= cancelAt)
            {
                await cancellation.CancelAsync();
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
