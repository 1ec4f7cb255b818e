using System.Text;
using System.Text.Json;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Tests.Protocol.Json;

/// <summary>The exact JSON bodies of the five operations (member names and shapes from the 2015-07-09 model).</summary>
[TestFixture]
public sealed class RequestWriterTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Test]
    public void GetThirdPartyJobDetails() =>
        Assert.That(Text(RequestWriter.GetJobDetails("job-1", "token-1")), Is.EqualTo("""{"jobId":"job-1","clientToken":"token-1"}"""));

    [Test]
    public void PollForThirdPartyJobs() =>
        Assert.That(
            Text(RequestWriter.PollForJobs(new ActionTypeId(ActionCategory.Deploy, ActionOwner.ThirdParty, "My-Provider_1", "v1"), 5)),
            Is.EqualTo("""{"actionTypeId":{"category":"Deploy","owner":"ThirdParty","provider":"My-Provider_1","version":"v1"},"maxBatchSize":5}"""));

    [Test]
    public void PollForThirdPartyJobs_sends_unknown_enum_values_verbatim() =>
        Assert.That(
            Text(RequestWriter.PollForJobs(new ActionTypeId(ActionCategory.FromValue("Quantum"), ActionOwner.FromValue("Partner"), "P", "1"), 1)),
            Is.EqualTo("""{"actionTypeId":{"category":"Quantum","owner":"Partner","provider":"P","version":"1"},"maxBatchSize":1}"""));

    [Test]
    public void AcknowledgeThirdPartyJob() =>
        Assert.That(Text(RequestWriter.AcknowledgeJob("job-1", "nonce-7", "token-1")), Is.EqualTo("""{"jobId":"job-1","nonce":"nonce-7","clientToken":"token-1"}"""));

    [Test]
    public void PutThirdPartyJobSuccessResult_with_every_member() =>
        Assert.That(
            Text(RequestWriter.PutJobSuccessResult(
                "job-1",
                "token-1",
                new CurrentRevision("rev-9", "change-3", Created, "Fixed the thing"),
                "continue-here",
                new ExecutionDetails("Deployed 3 of 4", "ext-42", 75))),
            Is.EqualTo("""{"jobId":"job-1","clientToken":"token-1","currentRevision":{"revision":"rev-9","changeIdentifier":"change-3","created":1700000000.123,"revisionSummary":"Fixed the thing"},"continuationToken":"continue-here","executionDetails":{"summary":"Deployed 3 of 4","externalExecutionId":"ext-42","percentComplete":75}}"""));

    [Test]
    public void PutThirdPartyJobSuccessResult_omits_every_null_optional_member() =>
        Assert.That(Text(RequestWriter.PutJobSuccessResult("job-1", "token-1", null, null, null)), Is.EqualTo("""{"jobId":"job-1","clientToken":"token-1"}"""));

    [Test]
    public void CurrentRevision_without_created_or_summary() =>
        Assert.That(
            Text(RequestWriter.PutJobSuccessResult("j", "t", new CurrentRevision("r", "c"), null, null)),
            Is.EqualTo("""{"jobId":"j","clientToken":"t","currentRevision":{"revision":"r","changeIdentifier":"c"}}"""));

    [Test]
    public void ExecutionDetails_with_only_some_members() =>
        Assert.Multiple(() =>
        {
            Assert.That(
                Text(RequestWriter.PutJobSuccessResult("j", "t", null, null, new ExecutionDetails(PercentComplete: 0))),
                Is.EqualTo("""{"jobId":"j","clientToken":"t","executionDetails":{"percentComplete":0}}"""));
            Assert.That(
                Text(RequestWriter.PutJobSuccessResult("j", "t", null, null, new ExecutionDetails(Summary: "s"))),
                Is.EqualTo("""{"jobId":"j","clientToken":"t","executionDetails":{"summary":"s"}}"""));
            Assert.That(
                Text(RequestWriter.PutJobSuccessResult("j", "t", null, "ct", new ExecutionDetails(ExternalExecutionId: "e"))),
                Is.EqualTo("""{"jobId":"j","clientToken":"t","continuationToken":"ct","executionDetails":{"externalExecutionId":"e"}}"""));
        });

    [TestCase(1_700_000_000_123L, "1700000000.123")]
    [TestCase(1_700_000_000_000L, "1700000000")]
    [TestCase(1_700_000_000_100L, "1700000000.1")]
    [TestCase(1_700_000_000_020L, "1700000000.02")]
    [TestCase(1_700_000_000_001L, "1700000000.001")]
    [TestCase(0L, "0")]
    public void Created_is_epoch_seconds_with_millisecond_precision(long epochMilliseconds, string expected)
    {
        var body = Text(RequestWriter.PutJobSuccessResult("j", "t", new CurrentRevision("r", "c", DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds)), null, null));

        Assert.That(body, Does.Contain("\"created\":" + expected + "}"));
    }

    [Test]
    public void Created_drops_sub_millisecond_ticks_and_ignores_the_offset()
    {
        var local = new DateTimeOffset(2023, 11, 15, 0, 13, 20, 123, TimeSpan.FromHours(2)).AddTicks(9_999); // 2023-11-14T22:13:20.1239999Z
        var body = Text(RequestWriter.PutJobSuccessResult("j", "t", new CurrentRevision("r", "c", local), null, null));

        Assert.That(body, Does.Contain("\"created\":1700000000.123}"));
        using var document = JsonDocument.Parse(body);
        Assert.That(document.RootElement.GetProperty("currentRevision").GetProperty("created").GetDecimal(), Is.EqualTo(1_700_000_000.123m));
    }

    [Test]
    public void PutThirdPartyJobFailureResult_with_every_member() =>
        Assert.That(
            Text(RequestWriter.PutJobFailureResult("job-1", "token-1", new FailureDetails(FailureType.ConfigurationError, "The API key is wrong.", "ext-42"))),
            Is.EqualTo("""{"jobId":"job-1","clientToken":"token-1","failureDetails":{"type":"ConfigurationError","message":"The API key is wrong.","externalExecutionId":"ext-42"}}"""));

    [Test]
    public void PutThirdPartyJobFailureResult_omits_a_null_external_execution_id() =>
        Assert.That(
            Text(RequestWriter.PutJobFailureResult("job-1", "token-1", new FailureDetails(FailureType.JobFailed, "boom"))),
            Is.EqualTo("""{"jobId":"job-1","clientToken":"token-1","failureDetails":{"type":"JobFailed","message":"boom"}}"""));

    [Test]
    public void Special_characters_are_escaped_into_valid_json_that_round_trips()
    {
        const string token = "to\"ken\\with/\u0001ctl<&>'+é日";
        const string message = "line 1\nline 2\t\"quoted\"";
        var body = RequestWriter.PutJobFailureResult("job-1", token, new FailureDetails(FailureType.JobFailed, message));

        using var document = JsonDocument.Parse(body);
        Assert.That(document.RootElement.GetProperty("clientToken").GetString(), Is.EqualTo(token));
        Assert.That(document.RootElement.GetProperty("failureDetails").GetProperty("message").GetString(), Is.EqualTo(message));
    }

    [Test]
    public void Bodies_are_utf8_without_a_byte_order_mark()
    {
        var body = RequestWriter.GetJobDetails("j", "t");

        Assert.That(body[0], Is.EqualTo((byte)'{'));
    }

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
