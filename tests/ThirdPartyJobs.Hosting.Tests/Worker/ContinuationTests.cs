using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class ContinuationTests
{
    [Test]
    public async Task ContinueLater_reports_success_with_the_token_and_the_follow_up_job_gets_it()
    {
        await using var harness = await WorkerHarness.StartAsync(beforeStart: h =>
        {
            h.Handler.OnHandle = (context, _) => Task.FromResult(context.ContinuationToken switch
            {
                null => JobOutcome.ContinueLater("step-2", new ExecutionDetails("Deploying…", PercentComplete: 40)),
                "step-2" => JobOutcome.Succeeded(executionDetails: new ExecutionDetails("Deployed.", PercentComplete: 100)),
                _ => JobOutcome.Failed(FailureType.JobFailed, "Unexpected continuation."),
            });
            h.Service.AddJob(jobId: "job-first");
        });

        await Eventually.UntilAsync(() => harness.Statistics.JobsContinued == 1, "the first job asks to continue");
        var continued = harness.Service.Reports.Single();

        // What CodePipeline does with a continuation token: it issues the job again, carrying it.
        harness.Service.AddJob(jobId: "job-second", continuationToken: continued.ContinuationToken);
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Statistics.JobsSucceeded == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), "the follow-up job is done");

        var contexts = harness.Handler.Contexts;
        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(continued.Kind, Is.EqualTo(JobOutcomeKind.ContinueLater));
            Assert.That(continued.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(continued.ExecutionDetails!.PercentComplete, Is.EqualTo(40));
            Assert.That(contexts[1].ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(contexts[1].IsContinuation, Is.True);
            Assert.That(reports[1], Has.Property(nameof(Report.Kind)).EqualTo(JobOutcomeKind.Succeeded).And.Property(nameof(Report.ContinuationToken)).Null);
            Assert.That(harness.Logs.WithEventId(2030).Select(e => e.Value("IsContinuation")), Is.EqualTo(new[] { "False", "True" }));
        });
    }
}
