using ThirdPartyJobs.Tests.Client;

namespace ThirdPartyJobs.Tests.Validation;

/// <summary>Values exactly at the model's limits are accepted and sent.</summary>
[TestFixture]
public sealed class ArgumentBoundaryTests : ScriptedClientFixture
{
    private static string Chars(int count) => new('a', count);

    private static TestCaseData Case(string name, string answer, Func<IThirdPartyJobClient, Task> call) => new TestCaseData(answer, call).SetName($"{{m}}({name})");

    private static IEnumerable<TestCaseData> LimitCalls()
    {
        var minimal = new FailureDetails(FailureType.JobFailed, "m");
        yield return Case("jobId 1 and 512, token 1 and 256", SampleResponses.MinimalJobDetails, async c =>
        {
            await c.GetJobDetailsAsync("j", "t");
            await c.GetJobDetailsAsync(Chars(512), Chars(256));
        });
        yield return Case("nonce 1 and 50", SampleResponses.AcknowledgedInProgress, async c =>
        {
            await c.AcknowledgeJobAsync("j", "n", "t");
            await c.AcknowledgeJobAsync("j", Chars(50), "t");
        });
        yield return Case("provider 35, version 9, every allowed character", SampleResponses.NoJobs, async c =>
        {
            await c.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, Chars(35), "Az09_-xyz"), 1);
            await c.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "ABCXYZabcxyz0189_-", "1"), int.MaxValue);
            await c.PollForJobsAsync(new ActionTypeId(ActionCategory.FromValue("Quantum"), ActionOwner.FromValue("Partner"), "P", "1"), 1);
        });
        yield return Case("success result limits", SampleResponses.Empty, async c =>
        {
            await c.PutJobSuccessResultAsync("j", "t", new CurrentRevision(Chars(1500), Chars(100), DateTimeOffset.UnixEpoch, Chars(2048)), Chars(2048), new ExecutionDetails(Chars(2048), Chars(1500), 100));
            await c.PutJobSuccessResultAsync("j", "t", new CurrentRevision("r", "c", null, "s"), "c", new ExecutionDetails("s", "e", 0));
            await c.PutJobSuccessResultAsync("j", "t", executionDetails: new ExecutionDetails());
        });
        yield return Case("failure result limits", SampleResponses.Empty, async c =>
        {
            await c.PutJobFailureResultAsync("j", "t", minimal);
            await c.PutJobFailureResultAsync("j", "t", new FailureDetails(FailureType.SystemUnavailable, Chars(5000), Chars(1500)));
            await c.PutJobFailureResultAsync("j", "t", new FailureDetails(FailureType.FromValue("SomethingNew"), "x", "e"));
        });
    }

    [TestCaseSource(nameof(LimitCalls))]
    public async Task Accepts_values_at_the_limits(string answer, Func<IThirdPartyJobClient, Task> calls)
    {
        Transport.ThenReturn(answer);

        await calls(Client);

        Assert.That(Transport.Attempts, Is.GreaterThanOrEqualTo(2));
    }
}
