using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting.Diagnostics;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Tests.Sources;

/// <summary>The custom-action job source against a mocked <see cref="ICustomJobClient"/>: which calls a job costs and how incomplete answers are handled.</summary>
public sealed class CustomJobSourceTests
{
    private static readonly ActionTypeId ActionType = ThirdPartyJobsModelFactory.ActionTypeId(owner: ActionOwner.Custom, provider: "MyBuilder");

    private readonly Mock<ICustomJobClient> _client = new(MockBehavior.Strict);
    private CapturingLoggerProvider _logs = null!;
    private Meter _meter = null!;
    private WorkerDiagnostics _diagnostics = null!;

    [SetUp]
    public void SetUp()
    {
        _client.Reset();
        _logs = new CapturingLoggerProvider();
        _meter = new Meter("custom-source-tests");
        _diagnostics = new WorkerDiagnostics("custom", new LoggerFactory([_logs]).CreateLogger("custom"), new WorkerMetrics(_meter, "custom"));
    }

    [TearDown]
    public void TearDown()
    {
        _meter.Dispose();
        _logs.Dispose();
    }

    [Test]
    public async Task A_polled_job_is_claimed_with_one_acknowledgement_and_no_details_call()
    {
        var job = ThirdPartyJobsModelFactory.CustomJob(id: "job-1", nonce: "7", accountId: "123456789012");
        _client.Setup(c => c.PollForJobsAsync(ActionType, 3, null, It.IsAny<CancellationToken>())).ReturnsAsync([job]);
        _client.Setup(c => c.AcknowledgeJobAsync("job-1", "7", It.IsAny<CancellationToken>())).ReturnsAsync(JobStatus.InProgress);
        var source = Source();

        var polled = (await source.PollAsync(3, CancellationToken.None)).Single();
        var claim = await source.ClaimAsync(polled, _diagnostics.JobReceived(), _ => Task.CompletedTask, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(claim, Is.Not.Null);
            Assert.That(claim!.ClientId, Is.EqualTo("123456789012"), "the account id names the job");
            Assert.That(claim.ClientToken, Is.Null);
            Assert.That(claim.Data, Is.SameAs(job.Data));
            Assert.That(polled.ToString(), Does.Not.Contain("Configuration").And.Not.Contain("Credentials"));
        });
        _client.Verify(c => c.GetJobDetailsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.VerifyAll();
    }

    [TestCase(null, "data")]
    [TestCase("", "nonce")]
    public async Task A_job_without_its_nonce_or_data_is_skipped_with_a_log_line_and_never_acknowledged(string? nonce, string missing)
    {
        var polled = new PolledJob("job-2", "123456789012") { Nonce = nonce ?? "1", Data = nonce is null ? null : ThirdPartyJobsModelFactory.JobData() };
        if (nonce == string.Empty)
        {
            polled = polled with { Nonce = string.Empty };
        }

        var claim = await Source().ClaimAsync(polled, _diagnostics.JobReceived(), _ => Task.CompletedTask, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(claim, Is.Null);
            var entry = _logs.WithEventId(2027).Single();
            Assert.That(entry.Value("Member"), Is.EqualTo(missing));
            Assert.That(entry.Value("Operation"), Is.EqualTo("PollForJobs"));
        });
        _client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_job_another_worker_acknowledged_is_skipped()
    {
        _client.Setup(c => c.AcknowledgeJobAsync("job-3", "1", It.IsAny<CancellationToken>())).ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("InvalidNonceException", "taken"));

        var claim = await Source().ClaimAsync(new PolledJob("job-3", "123456789012") { Nonce = "1", Data = ThirdPartyJobsModelFactory.JobData() }, _diagnostics.JobReceived(), _ => Task.CompletedTask, CancellationToken.None);

        Assert.That(claim, Is.Null);
        Assert.That(_logs.WithEventId(2022).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Outcomes_are_reported_with_the_custom_operations_and_output_variables_only_on_success()
    {
        var variables = new Dictionary<string, string> { ["Tag"] = "v1" };
        _client.Setup(c => c.PutJobSuccessResultAsync("job-4", null, null, null, It.Is<IReadOnlyDictionary<string, string>>(v => v["Tag"] == "v1"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _client.Setup(c => c.PutJobSuccessResultAsync("job-4", null, "step-2", null, null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _client.Setup(c => c.PutJobFailureResultAsync("job-4", It.Is<FailureDetails>(f => f.Message == "broken"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var source = Source();
        var claim = new ClaimedJob(source, "job-4", "123456789012", null, null);

        await source.ReportAsync(claim, JobOutcome.Succeeded(outputVariables: variables), CancellationToken.None);
        await source.ReportAsync(claim, JobOutcome.ContinueLater("step-2"), CancellationToken.None);
        await source.ReportAsync(claim, JobOutcome.Failed(FailureType.JobFailed, "broken"), CancellationToken.None);

        _client.VerifyAll();
    }

    [Test]
    public async Task Credentials_are_renewed_with_GetJobDetails_and_a_job_resumed_from_the_journal_needs_no_token()
    {
        var fresh = ThirdPartyJobsModelFactory.CustomJob(id: "job-5", data: ThirdPartyJobsModelFactory.JobData(), fillDefaults: false);
        _client.Setup(c => c.GetJobDetailsAsync("job-5", It.IsAny<CancellationToken>())).ReturnsAsync(fresh);
        var source = Source();

        var data = await source.RenewAsync(new ClaimedJob(source, "job-5", "123456789012", null, null), CancellationToken.None);
        var resumed = await source.ResumeAsync(new JobJournalRecord { JobId = "job-5", Kind = "Custom", ClientId = "123456789012", AcknowledgedAt = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(data, Is.SameAs(fresh.Data));
            Assert.That(resumed?.JobId, Is.EqualTo("job-5"));
            Assert.That(resumed?.ClientToken, Is.Null);
        });
    }

    private CustomJobSource Source() => new(ActionType, _client.Object, null, _diagnostics, CancellationToken.None);
}
