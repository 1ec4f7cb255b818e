using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

/// <summary>The worker's <see cref="JobContext"/> is the core's <see cref="IRunningJob"/>: what the artifacts package reads a job through.</summary>
public sealed class RunningJobTests
{
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
