using System.Net;

namespace ThirdPartyJobs.Tests.Errors;

[TestFixture]
public sealed class ThirdPartyJobExceptionTests
{
    [Test]
    public void Message_appends_every_known_fact()
    {
        var error = new ThirdPartyJobException("Boom.", new ServiceErrorDetails("AcknowledgeThirdPartyJob", "SomeCode", "req-1", HttpStatusCode.Conflict, "job-1"));

        Assert.That(error.Message, Is.EqualTo("Boom. (Operation: AcknowledgeThirdPartyJob, ErrorCode: SomeCode, Status: 409, RequestId: req-1, JobId: job-1)"));
    }

    [Test]
    public void Message_appends_only_the_facts_that_are_known()
    {
        var error = new ThirdPartyJobException("Boom.", new ServiceErrorDetails(Operation: "PollForThirdPartyJobs", RequestId: "req-2"));

        Assert.That(error.Message, Is.EqualTo("Boom. (Operation: PollForThirdPartyJobs, RequestId: req-2)"));
    }

    [Test]
    public void Message_alone_is_kept_as_is()
    {
        var error = new ThirdPartyJobException("Boom.");

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Boom."));
            Assert.That(error.ErrorCode, Is.Null);
            Assert.That(error.RequestId, Is.Null);
            Assert.That(error.StatusCode, Is.Null);
            Assert.That(error.JobId, Is.Null);
            Assert.That(error.Operation, Is.Null);
            Assert.That(error.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public void Properties_carry_the_details_and_the_inner_exception()
    {
        var inner = new InvalidOperationException("cause");
        var error = new ServiceUnavailableException("Down.", new ServiceErrorDetails("Op", "Code", "Req", HttpStatusCode.ServiceUnavailable, "Job"), inner);

        Assert.Multiple(() =>
        {
            Assert.That(error.Operation, Is.EqualTo("Op"));
            Assert.That(error.ErrorCode, Is.EqualTo("Code"));
            Assert.That(error.RequestId, Is.EqualTo("Req"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(error.JobId, Is.EqualTo("Job"));
            Assert.That(error.InnerException, Is.SameAs(inner));
        });
    }

    [Test]
    public void Every_library_exception_derives_from_the_base()
    {
        var types = typeof(ThirdPartyJobException).Assembly.GetExportedTypes().Where(type => typeof(Exception).IsAssignableFrom(type)).ToList();

        Assert.That(types, Has.Count.EqualTo(13));
        Assert.That(types, Has.All.Matches<Type>(type => typeof(ThirdPartyJobException).IsAssignableFrom(type)));
    }
}
