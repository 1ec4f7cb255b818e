using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>The <see cref="ICodePipelineTransport"/> built on AWSSDK.Core: one signed attempt per call.</summary>
internal sealed class AwsSdkCodePipelineTransport(ICodePipelineServiceClient client) : ICodePipelineTransport
{
    public async Task<TransportResponse> SendAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client
                .InvokeJsonOperationAsync(new JsonOperationRequest(request, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            var status = response.HttpStatusCode == 0 ? HttpStatusCode.OK : response.HttpStatusCode;
            return new TransportResponse(response.Body, response.RequestId ?? response.ResponseMetadata?.RequestId, status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (Find<ErrorResponseException>(error) is { } answer)
        {
            var details = Details(request, answer.Status, answer.RequestId) with { ErrorCode = answer.Code, ServiceMessage = answer.ServiceMessage };
            throw ErrorMapper.FromServiceError(details, answer.NotJson, answer.Truncated);
        }
        catch (Exception error) when (Find<ResponseTooLargeException>(error) is { } tooLarge)
        {
            throw new MalformedResponseException(tooLarge.Message, Details(request, tooLarge.Status, tooLarge.RequestId));
        }
        catch (Exception error) when (NetworkCause(error) is { } cause)
        {
            // No (whole) response arrived: a reset, refused connection, DNS failure, an HTTP-level timeout, or a body
            // cut off mid-read. Safe to retry. The cause is the inner exception, so a timeout (TimeoutException) and a
            // transport failure (HttpRequestException, IOException, SocketException) can be told apart.
            var what = cause is TimeoutException ? "timed out" : "failed";
            throw new ServiceUnavailableException(
                $"The request to CodePipeline {what} before a complete response arrived ({cause.GetType().Name}).",
                Details(request, null, null),
                cause);
        }
        catch (AmazonServiceException error) when (error.StatusCode != 0 || error.ErrorCode is not null)
        {
            var details = Details(request, error.StatusCode, error.RequestId) with
            {
                ErrorCode = error.ErrorCode,
                ServiceMessage = SecretScrubber.Scrub(error.Message, request.Secrets),
            };
            throw ErrorMapper.FromServiceError(details);
        }
        catch (AmazonClientException error)
        {
            // Found by the SDK before sending: no credentials, no region, a bad endpoint.
            throw AwsConfigurationException.From(error, request.Operation);
        }
    }

    public void Dispose() => client.Dispose();

    private static ServiceErrorDetails Details(TransportRequest request, HttpStatusCode? status, string? requestId) =>
        new(request.Operation, RequestId: requestId, StatusCode: status, JobId: request.JobId, Attempts: request.Attempt);

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The exception that says why no complete response arrived, or null when one did. Whether it is a network
    /// failure is the shared <see cref="AwsErrorClassifier"/>'s call; the cause kept is a <see cref="TimeoutException"/>
    /// when there is one (so timeouts and transport failures can be told apart), else the outermost network type.
    /// </summary>
    private static Exception? NetworkCause(Exception error)
    {
        if (!AwsErrorClassifier.IsNetworkFailure(error))
        {
            // The SDK wraps some transport failures in an AmazonServiceException without status or code and without a cause.
            return error is AmazonServiceException { StatusCode: 0, ErrorCode: null } ? new IOException("The connection failed without a response.", error.InnerException) : null;
        }

        Exception? found = null;
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return current;
            }

            if (found is null && current is HttpRequestException or IOException or SocketException or WebException)
            {
                found = current;
            }
        }

        return found ?? error;
    }
}
