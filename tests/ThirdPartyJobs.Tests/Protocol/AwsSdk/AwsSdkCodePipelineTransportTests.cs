using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Moq;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.AwsSdk;

namespace ThirdPartyJobs.Tests.Protocol.AwsSdk;

/// <summary>How the SDK transport turns what the AWS SDK reports into the library's errors.</summary>
[TestFixture]
public sealed class AwsSdkCodePipelineTransportTests
{
    private static readonly TransportRequest Request = new("AcknowledgeThirdPartyJob", Encoding.UTF8.GetBytes("{}"), "job-7", [Canaries.ClientToken, "nonce-77"]);

    private Mock<ICodePipelineServiceClient> _client = null!;
    private AwsSdkCodePipelineTransport _transport = null!;

    [SetUp]
    public void SetUp()
    {
        _client = new Mock<ICodePipelineServiceClient>(MockBehavior.Strict);
        _client.Setup(client => client.Dispose());
        _transport = new AwsSdkCodePipelineTransport(_client.Object);
    }

    [TearDown]
    public void TearDown() => _transport.Dispose();

    private void Fails(Exception error) =>
        _client.Setup(client => client.InvokeJsonOperationAsync(It.IsAny<JsonOperationRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);

    private static AmazonServiceException ServiceError(string? code, HttpStatusCode status, string message = "msg", string requestId = "req-9") =>
        new(message, null, ErrorType.Sender, code, requestId, status);

    [Test]
    public async Task Sends_the_operation_and_body_and_returns_the_body_and_request_id()
    {
        JsonOperationRequest? sent = null;
        var response = new JsonOperationResponse { Body = Encoding.UTF8.GetBytes("""{"status":"InProgress"}"""), ResponseMetadata = new ResponseMetadata { RequestId = "req-1" } };
        _client.Setup(client => client.InvokeJsonOperationAsync(It.IsAny<JsonOperationRequest>(), It.IsAny<CancellationToken>()))
            .Callback<JsonOperationRequest, CancellationToken>((request, _) => sent = request)
            .ReturnsAsync(response);

        var result = await _transport.SendAsync(Request, CancellationToken.None);

        Assert.That(sent!.Operation, Is.EqualTo("AcknowledgeThirdPartyJob"));
        Assert.That(sent.Body, Is.SameAs(Request.Body));
        Assert.That(Encoding.UTF8.GetString(result.Body.Span), Is.EqualTo("""{"status":"InProgress"}"""));
        Assert.That(result.RequestId, Is.EqualTo("req-1"));
    }

    [Test]
    public void A_service_error_is_mapped_with_its_code_status_and_request_id()
    {
        Fails(ServiceError("InvalidNonceException", HttpStatusCode.BadRequest, "The nonce was already used."));

        var error = Assert.ThrowsAsync<InvalidNonceException>(() => _transport.SendAsync(Request, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("InvalidNonceException"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.RequestId, Is.EqualTo("req-9"));
            Assert.That(error.JobId, Is.EqualTo("job-7"));
            Assert.That(error.Operation, Is.EqualTo("AcknowledgeThirdPartyJob"));
            Assert.That(error.Message, Does.StartWith("The nonce was already used."));
            Assert.That(error.InnerException, Is.Null, "the SDK exception holds the unscrubbed message");
        });
    }

    [Test]
    public void A_service_message_that_echoes_the_client_token_is_scrubbed()
    {
        Fails(ServiceError("ValidationException", HttpStatusCode.BadRequest, $"1 validation error detected: Value '{Canaries.ClientToken}' at 'clientToken' failed to satisfy constraint"));

        var error = Assert.ThrowsAsync<ServiceValidationException>(() => _transport.SendAsync(Request, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("Value '***' at 'clientToken'"));
        Assert.That(Canaries.Leaks(error.ToString()), Is.False);
    }

    [Test]
    public void A_service_message_that_echoes_a_short_nonce_is_withheld()
    {
        var request = Request with { Secrets = ["abc"] };
        Fails(ServiceError("ValidationException", HttpStatusCode.BadRequest, "Value 'abc' at 'nonce' failed"));

        var error = Assert.ThrowsAsync<ServiceValidationException>(() => _transport.SendAsync(request, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(SecretScrubber.WithheldMessage));
    }

    [Test]
    public void A_status_without_a_code_is_mapped_by_status()
    {
        Fails(ServiceError(null, HttpStatusCode.BadGateway));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => _transport.SendAsync(Request, CancellationToken.None));
    }

    private static IEnumerable<TestCaseData> NetworkFailures()
    {
        yield return new TestCaseData(new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)))).SetName("{m}(reset)");
        yield return new TestCaseData(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))).SetName("{m}(refused)");
        yield return new TestCaseData(new IOException("The response ended prematurely.")).SetName("{m}(premature end)");
        yield return new TestCaseData(new WebException("The remote name could not be resolved")).SetName("{m}(dns)");
        yield return new TestCaseData(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException())).SetName("{m}(http client timeout)");
        yield return new TestCaseData(new AmazonServiceException("transport failed", new IOException("reset"))).SetName("{m}(sdk-wrapped io)");
        yield return new TestCaseData(new AmazonServiceException("no status, no code")).SetName("{m}(sdk error without status)");
    }

    [TestCaseSource(nameof(NetworkFailures))]
    public void A_failure_before_any_response_is_a_retryable_ServiceUnavailableException(Exception failure)
    {
        Fails(failure);

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => _transport.SendAsync(Request, CancellationToken.None));

        var timedOut = failure.InnerException is TimeoutException;
        Assert.That(error!.Message, Does.StartWith($"The request to CodePipeline {(timedOut ? "timed out" : "failed")} before a complete response arrived"));
        Assert.That(error.InnerException, timedOut ? Is.InstanceOf<TimeoutException>() : Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>().Or.InstanceOf<WebException>().Or.InstanceOf<SocketException>(), "the cause tells a timeout from a transport failure");
        Assert.That(error.JobId, Is.EqualTo("job-7"));
        Assert.That(error.StatusCode, Is.Null);
    }

    [Test]
    public void An_sdk_configuration_problem_is_a_ThirdPartyJobException()
    {
        Fails(new AmazonClientException("Unable to find credentials"));

        var error = Assert.ThrowsAsync<AwsConfigurationException>(() => _transport.SendAsync(Request, CancellationToken.None));

        Assert.That(error!.Setting, Is.EqualTo("Credentials"));
        Assert.That(error.Message, Does.Contain("No AWS credentials were found. Looked at: AWSOptions.Credentials"));
        Assert.That(error.InnerException, Is.InstanceOf<AmazonClientException>());
    }

    [Test]
    public void A_response_too_large_is_a_MalformedResponseException()
    {
        Fails(new AmazonUnmarshallingException("req-3", "$", new ResponseTooLargeException(HttpStatusCode.OK, "req-3"), HttpStatusCode.OK));

        var error = Assert.ThrowsAsync<MalformedResponseException>(() => _transport.SendAsync(Request, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("larger than"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(error.RequestId, Is.EqualTo("req-3"));
    }

    [Test]
    public void Caller_cancellation_stays_an_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Fails(new TaskCanceledException("cancelled", null, cancellation.Token));

        Assert.That(() => _transport.SendAsync(Request, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Dispose_disposes_the_sdk_client()
    {
        _transport.Dispose();

        _client.Verify(client => client.Dispose(), Times.AtLeastOnce);
    }
}
