namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class CredentialsTests
{
    [Test]
    public async Task Artifact_credentials_are_fetched_again_once_older_than_the_refresh_age()
    {
        var gate = new TaskCompletionSource();
        var seen = new List<SessionCredentials>();
        await using var harness = await WorkerHarness.StartAsync(
            options =>
            {
                options.CredentialsRefreshAge = TimeSpan.FromMinutes(5);
                options.JobTimeout = TimeSpan.FromHours(1);
            },
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (context, token) =>
                {
                    seen.Add(await context.GetArtifactCredentialsAsync(token));
                    await gate.Task.WaitAsync(token);
                    seen.Add(await context.GetArtifactCredentialsAsync(token));
                    seen.Add(await context.GetArtifactCredentialsAsync(token));
                    return JobOutcome.Succeeded();
                };
                h.Service.AddJob(jobId: "job-long");
            });
        await Eventually.UntilAsync(() => seen.Count == 1, "the handler has its first credentials");
        harness.Service.SetDetails("job-long", FakeCodePipeline.Details("job-long", credentials: Canary.Credentials(generation: 2)));

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        gate.SetResult();
        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1, "the job is done");

        Assert.Multiple(() =>
        {
            Assert.That(seen[0], Is.EqualTo(Canary.Credentials()));
            Assert.That(seen[1], Is.EqualTo(Canary.Credentials(generation: 2)), "stale credentials are refreshed");
            Assert.That(seen[2], Is.EqualTo(Canary.Credentials(generation: 2)), "fresh ones are reused");
            Assert.That(harness.Handler.Contexts[0].Data.ArtifactCredentials, Is.EqualTo(Canary.Credentials(generation: 2)));
        });
        harness.Service.Mock.Verify(c => c.GetJobDetailsAsync("job-long", Canary.ClientToken, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Fresh_credentials_need_no_call()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = async (context, token) =>
            {
                await context.GetArtifactCredentialsAsync(token);
                await context.GetArtifactCredentialsAsync(token);
                return JobOutcome.Succeeded();
            };
            h.Service.AddJob(jobId: "job-short");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == 1, "the job is done");

        harness.Service.Mock.Verify(c => c.GetJobDetailsAsync("job-short", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_job_without_artifact_credentials_says_so()
    {
        await using var harness = await WorkerHarness.StartAsync(
            options => options.IncludeExceptionMessageInFailureReport = true,
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (context, token) =>
                {
                    await context.GetArtifactCredentialsAsync(token);
                    return JobOutcome.Succeeded();
                };
                var jobId = h.Service.AddJob();
                h.Service.SetDetails(jobId, FakeCodePipeline.Details(jobId, withCredentials: false));
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsFailed == 1, "the job fails");

        Assert.That(harness.Service.Reports.Single().Failure!.Message, Does.Contain("CodePipeline sent no artifact credentials for job job-"));
    }

    // The worker's <see cref="JobContext"/> is the core's <see cref="IRunningJob"/>: what the artifacts package reads a job through.
    [Test]
    public async Task The_workers_context_renews_credentials_through_IRunningJob()
    {
        var renewed = Canary.Credentials(generation: 2);
        await using var harness = await WorkerHarness.StartAsync(
            options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (context, token) =>
                {
#pragma warning disable CA1859 // The point: the interface, as the artifacts package sees it.
                    IRunningJob job = context;
#pragma warning restore CA1859
                    Assert.That(job.JobId, Is.EqualTo(context.JobId));
                    Assert.That(job.Data, Is.SameAs(context.Data));
                    await Task.Delay(TimeSpan.FromMinutes(2), h.Time, token);
                    h.Service.SetDetails(context.JobId, FakeCodePipeline.Details(context.JobId, credentials: renewed));
                    var credentials = await job.GetArtifactCredentialsAsync(token);
                    return credentials.Equals(renewed) ? JobOutcome.Succeeded() : JobOutcome.Failed(FailureType.JobFailed, "Not renewed.");
                };
                h.Service.AddJob();
            });
        await Eventually.UntilAsync(() => harness.Handler.Started == 1, "the handler runs");

        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Service.Reports.Count == 1, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), "the job is reported");

        Assert.That(harness.Service.Reports.Single().Kind, Is.EqualTo(JobOutcomeKind.Succeeded));
    }
}
