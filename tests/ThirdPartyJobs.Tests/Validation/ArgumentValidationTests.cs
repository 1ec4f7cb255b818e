using Moq;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Validation;

/// <summary>
/// Every argument is checked against the API model's constraints before anything is sent: a bad
/// one throws an <see cref="ArgumentException"/> naming the parameter (never quoting its value)
/// and the transport is never called.
/// </summary>
[TestFixture]
public sealed class ArgumentValidationTests
{
    private const string Job = "job-1";
    private const string Token = "client-token";
    private const string Nonce = "nonce-1";

    private static readonly ActionTypeId ValidType = new(ActionCategory.Build, ActionOwner.ThirdParty, "MyProvider", "1");

    private Mock<ICodePipelineTransport> _transport = null!;
    private CodePipelineThirdPartyJobClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        // Strict, and SendAsync is not set up: any call fails the test even if Verify were forgotten.
        _transport = new Mock<ICodePipelineTransport>(MockBehavior.Strict);
        _transport.Setup(transport => transport.Dispose());
        _client = new CodePipelineThirdPartyJobClient(_transport.Object, new ThirdPartyJobsOptions(), null);
    }

    [TearDown]
    public void TearDown()
    {
        _transport.Verify(transport => transport.SendAsync(It.IsAny<TransportRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Dispose();
    }

    private static string Chars(int count) => new('a', count);

    // A too-long secret that starts with a canary: the message must not quote it.
    private static string SecretOfLength(int count) => Canaries.ClientToken + new string('x', count - Canaries.ClientToken.Length);

    private static TestCaseData Case(string name, string parameter, Func<IThirdPartyJobClient, Task> call) =>
        new TestCaseData(call, parameter).SetName($"{{m}}({name})");

    private static IEnumerable<TestCaseData> InvalidCalls()
    {
        // GetJobDetailsAsync
        yield return Case("get: jobId null", "jobId", c => c.GetJobDetailsAsync(null!, Token));
        yield return Case("get: jobId empty", "jobId", c => c.GetJobDetailsAsync("", Token));
        yield return Case("get: jobId white space", "jobId", c => c.GetJobDetailsAsync(" \t\n", Token));
        yield return Case("get: jobId 513", "jobId", c => c.GetJobDetailsAsync(Chars(513), Token));
        yield return Case("get: clientToken null", "clientToken", c => c.GetJobDetailsAsync(Job, null!));
        yield return Case("get: clientToken empty", "clientToken", c => c.GetJobDetailsAsync(Job, ""));
        yield return Case("get: clientToken white space", "clientToken", c => c.GetJobDetailsAsync(Job, "   "));
        yield return Case("get: clientToken 257", "clientToken", c => c.GetJobDetailsAsync(Job, SecretOfLength(257)));

        // PollForJobsAsync
        yield return Case("poll: actionTypeId null", "actionTypeId", c => c.PollForJobsAsync(null!, 1));
        yield return Case("poll: category null", "actionTypeId", c => c.PollForJobsAsync(new ActionTypeId(null!, ValidType.Owner!, ValidType.Provider!, ValidType.Version!), 1));
        yield return Case("poll: owner null", "actionTypeId", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, null!, ValidType.Provider!, ValidType.Version!), 1));
        yield return Case("poll: provider null", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, null!, ValidType.Version!), 1));
        yield return Case("poll: provider empty", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "", ValidType.Version!), 1));
        yield return Case("poll: provider white space", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "  ", ValidType.Version!), 1));
        yield return Case("poll: provider 36", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, Chars(36), ValidType.Version!), 1));
        yield return Case("poll: provider with a space", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "My Provider", ValidType.Version!), 1));
        yield return Case("poll: provider with a dot", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "My.Provider", ValidType.Version!), 1));
        yield return Case("poll: provider with a slash", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "My/Provider", ValidType.Version!), 1));
        yield return Case("poll: provider non-ascii letter", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "Prövider", ValidType.Version!), 1));
        yield return Case("poll: provider trailing newline", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "MyProvider\n", ValidType.Version!), 1));
        yield return Case("poll: provider leading newline", "actionTypeId.Provider", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, "\nMyProvider", ValidType.Version!), 1));
        yield return Case("poll: version null", "actionTypeId.Version", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, ValidType.Provider!, null!), 1));
        yield return Case("poll: version empty", "actionTypeId.Version", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, ValidType.Provider!, ""), 1));
        yield return Case("poll: version 10", "actionTypeId.Version", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, ValidType.Provider!, "1234567890"), 1));
        yield return Case("poll: version with a dot", "actionTypeId.Version", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, ValidType.Provider!, "1.0"), 1));
        yield return Case("poll: version trailing newline", "actionTypeId.Version", c => c.PollForJobsAsync(new ActionTypeId(ValidType.Category!, ValidType.Owner!, ValidType.Provider!, "1\n"), 1));
        yield return Case("poll: maxBatchSize 0", "maxBatchSize", c => c.PollForJobsAsync(ValidType, 0));
        yield return Case("poll: maxBatchSize -1", "maxBatchSize", c => c.PollForJobsAsync(ValidType, -1));
        yield return Case("poll: maxBatchSize min", "maxBatchSize", c => c.PollForJobsAsync(ValidType, int.MinValue));

        // AcknowledgeJobAsync
        yield return Case("ack: jobId null", "jobId", c => c.AcknowledgeJobAsync(null!, Nonce, Token));
        yield return Case("ack: jobId 513", "jobId", c => c.AcknowledgeJobAsync(Chars(513), Nonce, Token));
        yield return Case("ack: nonce null", "nonce", c => c.AcknowledgeJobAsync(Job, null!, Token));
        yield return Case("ack: nonce empty", "nonce", c => c.AcknowledgeJobAsync(Job, "", Token));
        yield return Case("ack: nonce white space", "nonce", c => c.AcknowledgeJobAsync(Job, " ", Token));
        yield return Case("ack: nonce 51", "nonce", c => c.AcknowledgeJobAsync(Job, SecretOfLength(51), Token));
        yield return Case("ack: clientToken null", "clientToken", c => c.AcknowledgeJobAsync(Job, Nonce, null!));
        yield return Case("ack: clientToken 257", "clientToken", c => c.AcknowledgeJobAsync(Job, Nonce, SecretOfLength(257)));

        // PutJobSuccessResultAsync
        yield return Case("success: jobId null", "jobId", c => c.PutJobSuccessResultAsync(null!, Token));
        yield return Case("success: jobId white space", "jobId", c => c.PutJobSuccessResultAsync("  ", Token));
        yield return Case("success: clientToken empty", "clientToken", c => c.PutJobSuccessResultAsync(Job, ""));
        yield return Case("success: clientToken 257", "clientToken", c => c.PutJobSuccessResultAsync(Job, SecretOfLength(257)));
        yield return Case("success: revision null", "currentRevision.Revision", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision(null!, "c")));
        yield return Case("success: revision empty", "currentRevision.Revision", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("", "c")));
        yield return Case("success: revision 1501", "currentRevision.Revision", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision(Chars(1501), "c")));
        yield return Case("success: change identifier null", "currentRevision.ChangeIdentifier", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("r", null!)));
        yield return Case("success: change identifier white space", "currentRevision.ChangeIdentifier", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("r", " ")));
        yield return Case("success: change identifier 101", "currentRevision.ChangeIdentifier", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("r", Chars(101))));
        yield return Case("success: revision summary empty", "currentRevision.RevisionSummary", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("r", "c", RevisionSummary: "")));
        yield return Case("success: revision summary 2049", "currentRevision.RevisionSummary", c => c.PutJobSuccessResultAsync(Job, Token, new CurrentRevision("r", "c", RevisionSummary: Chars(2049))));
        yield return Case("success: continuation token empty", "continuationToken", c => c.PutJobSuccessResultAsync(Job, Token, continuationToken: ""));
        yield return Case("success: continuation token white space", "continuationToken", c => c.PutJobSuccessResultAsync(Job, Token, continuationToken: "  "));
        yield return Case("success: continuation token 2049", "continuationToken", c => c.PutJobSuccessResultAsync(Job, Token, continuationToken: Chars(2049)));
        yield return Case("success: summary empty", "executionDetails.Summary", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(Summary: "")));
        yield return Case("success: summary 2049", "executionDetails.Summary", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(Summary: Chars(2049))));
        yield return Case("success: external execution id empty", "executionDetails.ExternalExecutionId", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(ExternalExecutionId: "")));
        yield return Case("success: external execution id 1501", "executionDetails.ExternalExecutionId", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(ExternalExecutionId: Chars(1501))));
        yield return Case("success: percent -1", "executionDetails.PercentComplete", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(PercentComplete: -1)));
        yield return Case("success: percent 101", "executionDetails.PercentComplete", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(PercentComplete: 101)));
        yield return Case("success: percent max", "executionDetails.PercentComplete", c => c.PutJobSuccessResultAsync(Job, Token, executionDetails: new ExecutionDetails(PercentComplete: int.MaxValue)));

        // PutJobFailureResultAsync
        yield return Case("failure: jobId null", "jobId", c => c.PutJobFailureResultAsync(null!, Token, new FailureDetails(FailureType.JobFailed, "m")));
        yield return Case("failure: jobId 513", "jobId", c => c.PutJobFailureResultAsync(Chars(513), Token, new FailureDetails(FailureType.JobFailed, "m")));
        yield return Case("failure: clientToken null", "clientToken", c => c.PutJobFailureResultAsync(Job, null!, new FailureDetails(FailureType.JobFailed, "m")));
        yield return Case("failure: clientToken 257", "clientToken", c => c.PutJobFailureResultAsync(Job, SecretOfLength(257), new FailureDetails(FailureType.JobFailed, "m")));
        yield return Case("failure: details null", "failureDetails", c => c.PutJobFailureResultAsync(Job, Token, null!));
        yield return Case("failure: type null", "failureDetails", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(null!, "m")));
        yield return Case("failure: message null", "failureDetails.Message", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, null!)));
        yield return Case("failure: message empty", "failureDetails.Message", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, "")));
        yield return Case("failure: message white space", "failureDetails.Message", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, "\n")));
        yield return Case("failure: message 5001", "failureDetails.Message", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, Chars(5001))));
        yield return Case("failure: external execution id empty", "failureDetails.ExternalExecutionId", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, "m", "")));
        yield return Case("failure: external execution id 1501", "failureDetails.ExternalExecutionId", c => c.PutJobFailureResultAsync(Job, Token, new FailureDetails(FailureType.JobFailed, "m", Chars(1501))));
    }

    [TestCaseSource(nameof(InvalidCalls))]
    public void Rejects_bad_arguments_before_sending(Func<IThirdPartyJobClient, Task> call, string parameter)
    {
        var error = Assert.CatchAsync<ArgumentException>(() => call(_client));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ParamName, Is.EqualTo(parameter));
            Assert.That(error.Message, Does.Contain(parameter));
            Assert.That(Canaries.Leaks(error.Message), Is.False, "the message must not quote the value");
        });
    }

    [Test]
    public void Rejects_bad_arguments_even_when_already_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.CatchAsync<ArgumentException>(() => _client.GetJobDetailsAsync("", Token, cancelled.Token));
    }
}
