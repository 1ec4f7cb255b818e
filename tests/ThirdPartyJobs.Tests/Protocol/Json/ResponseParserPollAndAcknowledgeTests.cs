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
    [TestCase("")]
    public void Poll_without_jobs_returns_an_empty_list(string json) => Assert.That(ParserHarness.Jobs(json), Is.Empty);

    [Test]
    public void Poll_ignores_unknown_members_of_a_job()
    {
        var jobs = ParserHarness.Jobs("""{"jobs":[{"jobId":"j","region":"us-east-1","clientId":"c","meta":{"a":[1,2]}}]}""");

        Assert.That(jobs, Is.EqualTo(new[] { new ThirdPartyJob("c", "j") }));
    }

    // The API model makes both members optional: a client keeps the job and leaves the decision to the worker.
    [TestCase("""{"jobs":[{"jobId":"j"}]}""", null, "j")]
    [TestCase("""{"jobs":[{"clientId":"c"}]}""", "c", null)]
    [TestCase("""{"jobs":[{"clientId":"","jobId":"j"}]}""", "", "j")]
    [TestCase("""{"jobs":[{"clientId":"c","jobId":null}]}""", "c", null)]
    [TestCase("""{"jobs":[{"clientId":"c1","jobId":"j","clientId":"c"}]}""", "c", "j")]
    public void Poll_keeps_a_job_with_missing_members(string json, string? clientId, string? jobId)
    {
        var job = ParserHarness.Jobs(json).Single();

        Assert.That((job.ClientId, job.JobId), Is.EqualTo((clientId, jobId)));
    }

    [TestCase("""{"jobs":[null]}""", 0)]
    [TestCase("""{"jobs":[null,{"clientId":"c","jobId":"j"},null]}""", 1)]
    public void Poll_drops_null_jobs(string json, int count) => Assert.That(ParserHarness.Jobs(json), Has.Count.EqualTo(count));

    [TestCase("""{"jobs":[{"clientId":1,"jobId":"j"}]}""", "$.jobs[].clientId")]
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

    [TestCase("{}")]
    [TestCase("")]
    [TestCase("""{"status":null}""")]
    public void Acknowledge_without_a_status_returns_null(string json) => Assert.That(ParserHarness.MaybeStatus(json), Is.Null);

    [Test]
    public void Acknowledge_keeps_an_empty_status_as_an_unknown_value()
    {
        var status = ParserHarness.Status("""{"status":""}""");

        Assert.That((status.Value, status.IsKnown), Is.EqualTo(("", false)));
    }

    [TestCase("""{"status":4}""", "$.status")]
    [TestCase("""{"status":{"value":"InProgress"}}""", "$.status")]
    public void Acknowledge_without_a_usable_status_names_the_path(string json, string path)
    {
        var error = ResponseParserMalformedTests.AssertMalformed(() => ParserHarness.Status(json));

        Assert.That(error.Message, Does.Contain(" " + path + " "));
        Assert.That(error.Operation, Is.EqualTo("AcknowledgeThirdPartyJob"));
    }
}
