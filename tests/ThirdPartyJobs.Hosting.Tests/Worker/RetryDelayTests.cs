using ThirdPartyJobs.Hosting.Worker;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class RetryDelayTests
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
        Assert.That(RetryDelay.Compute(Min, Max, failures, sample).TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));

    [Test]
    public void Consecutive_failures_grow_the_wait_and_a_fresh_count_starts_over()
    {
        var waits = Enumerable.Range(1, 7).Select(failures => RetryDelay.Compute(Min, Max, failures, 1.0).TotalSeconds).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(waits, Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 30, 30 }));
            Assert.That(RetryDelay.Compute(Min, Max, 1, 1.0), Is.EqualTo(Min));
        });
    }

    [Test]
    public void A_cap_below_the_minimum_wins()
    {
        Assert.That(RetryDelay.Compute(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3, 0.3), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }
}
