#region Snippet:HandlerUnitTest
using NUnit.Framework;
using ThirdPartyJobs;
using ThirdPartyJobs.Hosting;

public sealed class DeployHandlerTests
{
    [Test]
    public async Task A_fresh_job_starts_the_deployment_and_continues_later()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails(configuration: new Dictionary<string, string> { ["ApiKey"] = "test-key" });
        var context = ThirdPartyJobsHostingModelFactory.JobContext(details);

        var outcome = await new DeployHandler().HandleAsync(context, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.ContinueLater));
    }

    [Test]
    public async Task A_follow_up_job_finishes_the_deployment()
    {
        var context = ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails(continuationToken: "deployment-42"));

        var outcome = await new DeployHandler().HandleAsync(context, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Succeeded));
    }
}
#endregion
