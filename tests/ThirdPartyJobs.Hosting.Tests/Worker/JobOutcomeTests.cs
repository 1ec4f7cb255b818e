namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class JobOutcomeTests
{
    [Test]
    public void Factories_set_the_kind_and_values()
    {
        var revision = new CurrentRevision("r", "c");
        var details = new ExecutionDetails("s", "e", 50);

        var succeeded = JobOutcome.Succeeded(revision, details);
        var continued = JobOutcome.ContinueLater("token", details);
        var failed = JobOutcome.Failed(FailureType.PermissionError, "No access.", "run-1");

        Assert.Multiple(() =>
        {
            Assert.That((succeeded.Kind, succeeded.CurrentRevision, succeeded.ExecutionDetails), Is.EqualTo((JobOutcomeKind.Succeeded, revision, details)));
            Assert.That((continued.Kind, continued.ContinuationToken, continued.ExecutionDetails), Is.EqualTo((JobOutcomeKind.ContinueLater, "token", details)));
            Assert.That((failed.Kind, failed.Failure), Is.EqualTo((JobOutcomeKind.Failed, new FailureDetails(FailureType.PermissionError, "No access.", "run-1"))));
            Assert.That(continued.ToString(), Is.EqualTo("JobOutcome { Kind = ContinueLater }"), "no continuation token");
            Assert.That(failed.ToString(), Is.EqualTo("JobOutcome { Kind = Failed, FailureType = PermissionError }"));
        });
    }

    [Test]
    public void Values_beyond_CodePipelines_limits_are_refused_when_the_outcome_is_created()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => JobOutcome.ContinueLater(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("continuationToken"));
            Assert.That(() => JobOutcome.ContinueLater(new string('t', 2049)), Throws.ArgumentException.With.Message.Contains("1–2048 characters"));
            Assert.That(() => JobOutcome.ContinueLater(null!), Throws.ArgumentNullException);
            Assert.That(() => JobOutcome.Failed(FailureType.JobFailed, new string('m', 5001)), Throws.ArgumentException.With.Message.Contains("1–5000"));
            Assert.That(() => JobOutcome.Failed(FailureType.JobFailed, " "), Throws.ArgumentException);
            Assert.That(() => JobOutcome.Failed(null!, "m"), Throws.ArgumentNullException);
            Assert.That(() => JobOutcome.Succeeded(executionDetails: new ExecutionDetails(PercentComplete: 101)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => JobOutcome.Succeeded(new CurrentRevision("", "c")), Throws.ArgumentException);
            Assert.That(() => JobOutcome.Succeeded(executionDetails: new ExecutionDetails(Summary: new string('s', 2049))), Throws.ArgumentException);
        });
    }
}
