using NUnit.Framework;
using ThirdPartyJobs.Hosting.Worker;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [TestCase(1, 0.0, 1.0)]
    [TestCase(1, 0.999, 1.0)]
    [TestCase(2, 0.0, 1.0)]
    [TestCase(2, 1.0, 2.0)]
    [TestCase(3, 0.0, 2.0)]
    [TestCase(3, 0.5, 3.0)]
    [TestCase(5, 1.0, 16.0)]
    [TestCase(6, 1.0, 30.0)]
    [TestCase(6, 0.0, 15.0)]
    [TestCase(1000, 1.0, 30.0)]
    public void Waits_double_with_equal_jitter_up_to_the_cap(int failures, double sample, double expectedSeconds) =>
        Assert.That(Backoff.Compute(Min, Max, failures, sample).TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));

    [Test]
    public void Next_grows_and_Reset_starts_over()
    {
        var backoff = new Backoff(Min, Max, () => 1.0);

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToArray();
        backoff.Reset();

        Assert.Multiple(() =>
        {
            Assert.That(waits, Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 30, 30 }));
            Assert.That(backoff.Next(), Is.EqualTo(Min));
        });
    }

    [Test]
    public void A_cap_below_the_minimum_wins()
    {
        Assert.That(Backoff.Compute(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3, 0.3), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }
}
