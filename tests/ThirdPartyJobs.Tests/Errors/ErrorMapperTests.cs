using System.Net;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Tests.Errors;

[TestFixture]
public sealed class ErrorMapperTests
{
    private static ThirdPartyJobException Map(string? code, HttpStatusCode status = HttpStatusCode.BadRequest, string? message = "service says no") =>
        ErrorMapper.FromServiceError(new ServiceErrorDetails("GetThirdPartyJobDetails", code, "req-123", status, "job-9", ServiceMessage: message));

    [TestCase("JobNotFoundException", typeof(JobNotFoundException))]
    [TestCase("InvalidClientTokenException", typeof(InvalidClientTokenException))]
    [TestCase("InvalidJobException", typeof(InvalidJobException))]
    [TestCase("InvalidNonceException", typeof(InvalidNonceException))]
    [TestCase("InvalidJobStateException", typeof(InvalidJobStateException))]
    [TestCase("ActionTypeNotFoundException", typeof(ActionTypeNotFoundException))]
    [TestCase("ValidationException", typeof(ServiceValidationException))]
    public void Each_modeled_code_maps_to_its_type(string code, Type expected)
    {
        var error = Map(code);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(expected));
            Assert.That(error.ErrorCode, Is.EqualTo(code));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.RequestId, Is.EqualTo("req-123"));
            Assert.That(error.Operation, Is.EqualTo("GetThirdPartyJobDetails"));
            Assert.That(error.JobId, Is.EqualTo("job-9"));
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(error.Message, Does.StartWith("service says no"));
        });
    }

    [Test]
    public void Every_error_shape_of_the_five_operations_in_the_api_model_has_a_type()
    {
        // The errors the 2015-07-09 model lists for GetThirdPartyJobDetails, PollForThirdPartyJobs,
        // AcknowledgeThirdPartyJob, PutThirdPartyJobSuccessResult and PutThirdPartyJobFailureResult.
        string[] modeled =
        [
            "JobNotFoundException", "ValidationException", "InvalidClientTokenException", "InvalidJobException",
            "ActionTypeNotFoundException", "InvalidNonceException", "InvalidJobStateException",
        ];

        foreach (var code in modeled)
        {
            Assert.That(Map(code).GetType(), Is.Not.EqualTo(typeof(ThirdPartyJobException)), code);
        }
    }

    [TestCase("Throttling")]
    [TestCase("ThrottlingException")]
    [TestCase("ThrottledException")]
    [TestCase("RequestThrottledException")]
    [TestCase("TooManyRequestsException")]
    [TestCase("ProvisionedThroughputExceededException")]
    [TestCase("RequestLimitExceeded")]
    [TestCase("LimitExceededException")]
    [TestCase("SlowDown")]
    [TestCase("PriorRequestNotComplete")]
    [TestCase("BandwidthLimitExceeded")]
    [TestCase("RequestThrottled")]
    [TestCase("EC2ThrottledException")]
    [TestCase("TransactionInProgressException")]
    public void Throttling_codes_map_to_ThrottledException(string code)
    {
        var error = Map(code);

        Assert.That(error, Is.TypeOf<ThrottledException>());
        Assert.That(error.ErrorCode, Is.EqualTo(code));
    }

    [TestCase(null)]
    [TestCase("SomethingElse")]
    public void Http_429_maps_to_ThrottledException_whatever_the_code(string? code) =>
        Assert.That(Map(code, HttpStatusCode.TooManyRequests), Is.TypeOf<ThrottledException>());

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.RequestTimeout)]
    public void Transient_statuses_map_to_ServiceUnavailableException(HttpStatusCode status)
    {
        Assert.That(Map(null, status), Is.TypeOf<ServiceUnavailableException>());
        Assert.That(Map("UnknownServerSideThing", status), Is.TypeOf<ServiceUnavailableException>());
    }

    [TestCase("InternalFailure")]
    [TestCase("InternalError")]
    [TestCase("InternalServerError")]
    [TestCase("InternalServiceError")]
    [TestCase("ServiceUnavailable")]
    [TestCase("ServiceUnavailableException")]
    [TestCase("RequestTimeout")]
    [TestCase("RequestTimeoutException")]
    [TestCase("IDPCommunicationError")]
    public void Transient_codes_map_to_ServiceUnavailableException_even_with_a_400(string code)
    {
        var error = Map(code);

        Assert.That(error, Is.TypeOf<ServiceUnavailableException>());
        Assert.That(error.ErrorCode, Is.EqualTo(code));
    }

    [Test]
    public void A_modeled_code_wins_over_a_transient_status() =>
        Assert.That(Map("JobNotFoundException", HttpStatusCode.InternalServerError), Is.TypeOf<JobNotFoundException>());

    [Test]
    public void A_throttling_code_wins_over_a_transient_status() =>
        Assert.That(Map("ThrottlingException", HttpStatusCode.ServiceUnavailable), Is.TypeOf<ThrottledException>());

    [TestCase("InvalidSignatureException", HttpStatusCode.BadRequest)]
    [TestCase("AccessDeniedException", HttpStatusCode.BadRequest)]
    [TestCase("UnrecognizedClientException", HttpStatusCode.Forbidden)]
    [TestCase("ExpiredTokenException", HttpStatusCode.Forbidden)]
    [TestCase("SomeFutureException", HttpStatusCode.Conflict)]
    public void Unknown_codes_map_to_the_base_type_with_the_code_preserved(string code, HttpStatusCode status)
    {
        var error = Map(code, status);

        Assert.That(error.GetType(), Is.EqualTo(typeof(ThirdPartyJobException)));
        Assert.That(error.ErrorCode, Is.EqualTo(code));
        Assert.That(error.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public void No_code_and_a_client_error_status_maps_to_the_base_type()
    {
        var error = Map(null, HttpStatusCode.Forbidden, message: null);

        Assert.That(error.GetType(), Is.EqualTo(typeof(ThirdPartyJobException)));
        Assert.That(error.ErrorCode, Is.Null);
        Assert.That(error.Message, Does.StartWith("CodePipeline answered with HTTP 403 and no error code."));
    }

    [TestCase("com.amazonaws.codepipeline#JobNotFoundException", "JobNotFoundException", typeof(JobNotFoundException))]
    [TestCase("aws.api#ThrottlingException", "ThrottlingException", typeof(ThrottledException))]
    [TestCase("JobNotFoundException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/", "JobNotFoundException", typeof(JobNotFoundException))]
    [TestCase("InvalidNonceException:", "InvalidNonceException", typeof(InvalidNonceException))]
    [TestCase("com.amazonaws.codepipeline#ValidationException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/", "ValidationException", typeof(ServiceValidationException))]
    [TestCase("  InvalidJobStateException  ", "InvalidJobStateException", typeof(InvalidJobStateException))]
    public void Wrapped_codes_are_normalized(string raw, string code, Type expected)
    {
        var error = Map(raw);

        Assert.That(error.ErrorCode, Is.EqualTo(code));
        Assert.That(error, Is.TypeOf(expected));
    }

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase("#", null)]
    [TestCase(":http://x", null)]
    [TestCase("ns#", null)]
    [TestCase("Code", "Code")]
    [TestCase("a#b#Code", "Code")]
    public void NormalizeCode(string? raw, string? expected) => Assert.That(ErrorMapper.NormalizeCode(raw), Is.EqualTo(expected));

    [Test]
    public void An_empty_message_is_replaced_by_one_naming_the_code()
    {
        Assert.That(Map("JobNotFoundException", message: "").Message, Does.StartWith("CodePipeline answered with JobNotFoundException and no message."));
        Assert.That(Map("JobNotFoundException", message: "  ").Message, Does.StartWith("CodePipeline answered with JobNotFoundException and no message."));
        Assert.That(Map("JobNotFoundException", message: "  ").ServiceMessage, Is.Null, "the service said nothing");
    }

    [TestCase(HttpStatusCode.InternalServerError, true)]
    [TestCase(HttpStatusCode.BadGateway, true)]
    [TestCase(HttpStatusCode.ServiceUnavailable, true)]
    [TestCase(HttpStatusCode.GatewayTimeout, true)]
    [TestCase(HttpStatusCode.RequestTimeout, true)]
    [TestCase(HttpStatusCode.NotImplemented, false)]
    [TestCase(HttpStatusCode.BadRequest, false)]
    [TestCase(HttpStatusCode.TooManyRequests, false)]
    public void IsTransientStatus(HttpStatusCode status, bool expected) => Assert.That(AwsErrorClassifier.IsTransientStatus(status), Is.EqualTo(expected));
}
