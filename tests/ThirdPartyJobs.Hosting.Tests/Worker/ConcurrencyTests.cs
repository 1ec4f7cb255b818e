using NUnit.Framework;
using ThirdPartyJobs.Hosting.Tests.Infrastructure;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class ConcurrencyTests
{
    [Test]
    public async Task Many_jobs_run_within_the_concurrency_limit_and_are_each_reported_once()
    {
        const int Jobs = 200;
        await using var harness = await WorkerHarness.StartAsync(
            options => options.MaxConcurrency = 4,
            beforeStart: h =>
            {
                h.Handler.OnHandle = async (_, _) =>
                {
                    await Task.Yield();
                    return JobOutcome.Succeeded();
                };
                h.Service.AddJobs(Jobs);
            });

        await Eventually.UntilAsync(() => harness.Statistics.JobsSucceeded == Jobs && harness.Statistics.InFlight == 0, "every job is reported");

        var reports = harness.Service.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.JobId).Distinct().Count(), Is.EqualTo(Jobs));
            Assert.That(reports, Has.Count.EqualTo(Jobs));
            Assert.That(harness.Handler.MaxRunning, Is.InRange(1, 4));
            Assert.That(harness.Statistics.MaxInFlightObserved, Is.InRange(1, 4));
            Assert.That(harness.Service.PollSizes, Has.All.InRange(1, 4));
            Assert.That(harness.Statistics.InFlight, Is.Zero);
        });
    }
}
