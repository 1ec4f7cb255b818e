using NUnit.Framework;
using ThirdPartyJobs.Tests.Support;

namespace ThirdPartyJobs.Tests.Protocol.Json;

[TestFixture]
public sealed class ResponseParserPollAndAcknowledgeTests
{
    [Test]
    public void Poll_returns_each_job_in_order()
    {
        var jobs = ParserHarness.Jobs(SampleResponses.TwoJobs);

        Assert.That(jobs, Is.EqualTo(new[]
        {
            new ThirdPartyJob("0a1b2c3d-0000-4000-8000-000000000001", "11111111-2222-4333-8444-555555555555"),
            new ThirdPartyJob("0a1b2c3d-0000-4000-8000-000000000002", "66666666-7777-4888-9999-000000000000"),
        }));
    }

    [TestCase("""{"jobs":[]}""")]
    [TestCase("""{"jobs":null}""")]
    [TestCase("{}")]
    [TestCase("""{"nextToken":"x","jobs":[],"extra":{"a":[1]}}""")]
    public void Poll_without_jobs_returns_an_empty_list(string json) => Assert.That(ParserHarness.Jobs(json), Is.Empty);

    [Test]
    public void Poll_ignores_unknown_members_of_a_job()
    {
        var jobs = ParserHarness.Jobs("""{"jobs":[{"jobId":"j","region":"us-east-1","clientId":"c","meta":{"a":[1,2]}}]}""");

        Assert.That(jobs, Is.EqualTo(new[] { new ThirdPartyJob("c", "j") }));
    }

    [TestCase("""{"jobs":[{"jobId":"j"}]}""", "$.jobs[].clientId")]
    [TestCase("""{"jobs":[{"clientId":"c"}]}""", "$.jobs[].jobId")]
    [TestCase("""{"jobs":[{"clientId":"","jobId":"j"}]}""", "$.jobs[].clientId")]
    [TestCase("""{"jobs":[{"clientId":"c","jobId":null}]}""", "$.jobs[].jobId")]
    [TestCase("""{"jobs":[{"clientId":1,"jobId":"j"}]}""", "$.jobs[].clientId")]
    [TestCase("""{"jobs":[null]}""", "$.jobs[]")]
    [TestCase("""{"jobs":["j"]}""", "$.jobs[]")]
    [TestCase("""{"jobs":{"clientId":"c","jobId":"j"}}""", "$.jobs")]
    [TestCase("""{"jobs":"none"}""", "$.jobs")]
    public void Poll_with_a_bad_job_names_the_path(string json, string path)
    {
        var error = ResponseParserMalformedTests.AssertMalformed(() => ParserHarness.Jobs(json));

        Assert.That(error.Message, Does.Contain(" " + path + " "));
        Assert.That(error.Operation, Is.EqualTo("PollForThirdPartyJobs"));
        Assert.That(error.JobId, Is.Null);
    }

    [TestCase("Created")]
    [TestCase("Queued")]
    [TestCase("Dispatched")]
    [TestCase("InProgress")]
    [TestCase("TimedOut")]
    [TestCase("Succeeded")]
    [TestCase("Failed")]
    public void Acknowledge_returns_each_known_status(string value)
    {
        var status = ParserHarness.Status($$"""{"status":"{{value}}"}""");

        Assert.That(status.Value, Is.EqualTo(value));
        Assert.That(status.IsKnown, Is.True);
        Assert.That(status, Is.SameAs(JobStatus.FromValue(value)));
    }

    [Test]
    public void Acknowledge_keeps_an_unknown_status()
    {
        var status = ParserHarness.Status("""{"status":"Paused","unknown":[{}]}""");

        Assert.That(status.Value, Is.EqualTo("Paused"));
        Assert.That(status.IsKnown, Is.False);
        Assert.That(status, Is.Not.EqualTo(JobStatus.InProgress));
    }

    [Test]
    public void Acknowledge_in_progress_is_the_in_progress_instance() =>
        Assert.That(ParserHarness.Status(SampleResponses.AcknowledgedInProgress), Is.SameAs(JobStatus.InProgress));

    [TestCase("{}", "$.status")]
    [TestCase("""{"status":null}""", "$.status")]
    [TestCase("""{"status":""}""", "$.status")]
    [TestCase("""{"status":4}""", "$.status")]
    [TestCase("""{"status":{"value":"InProgress"}}""", "$.status")]
    public void Acknowledge_without_a_usable_status_names_the_path(string json, string path)
    {
        var error = ResponseParserMalformedTests.AssertMalformed(() => ParserHarness.Status(json));

        Assert.That(error.Message, Does.Contain(" " + path + " "));
        Assert.That(error.Operation, Is.EqualTo("AcknowledgeThirdPartyJob"));
    }
}
