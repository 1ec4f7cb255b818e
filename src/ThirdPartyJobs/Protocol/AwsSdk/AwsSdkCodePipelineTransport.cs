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
                .InvokeJsonOperationAsync(new JsonOperationRequest(request.Operation, request.Body, request.Secrets), cancellationToken)
                .ConfigureAwait(false);
            return new TransportResponse(response.Body, response.ResponseMetadata?.RequestId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (FindResponseTooLarge(error) is { } tooLarge)
        {
            // Before the service-error catch: the SDK wraps this in an AmazonUnmarshallingException with status 200.
            throw new MalformedResponseException(tooLarge.Message, new ServiceErrorDetails(request.Operation, RequestId: (error as AmazonServiceException)?.RequestId, JobId: request.JobId));
        }
        catch (Exception error) when (IsNetworkFailure(error))
        {
            // No (whole) response arrived: a reset, refused connection, DNS or HTTP-level timeout, or a body cut
            // off mid-read (the SDK reports that as an unmarshalling error with status 200). Safe to retry.
            throw new ServiceUnavailableException(
                $"The request to CodePipeline failed before a complete response arrived: {Describe(error)}",
                new ServiceErrorDetails(request.Operation, JobId: request.JobId));
        }
        catch (AmazonServiceException error) when (error.StatusCode != 0 || error.ErrorCode is not null)
        {
            var message = SecretScrubber.Scrub(error.Message, request.Secrets);
            var mapped = ErrorMapper.FromServiceError(error.ErrorCode, message, error.StatusCode, error.RequestId, request.Operation, request.JobId);
            throw mapped;
        }
        catch (AmazonClientException error)
        {
            // Configuration problems found by the SDK before sending: no credentials, no region, a bad endpoint.
            throw new ThirdPartyJobException(
                $"The AWS SDK could not send the request: {error.Message}",
                new ServiceErrorDetails(request.Operation, JobId: request.JobId),
                error);
        }
    }

    public void Dispose() => client.Dispose();

    private static ResponseTooLargeException? FindResponseTooLarge(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is ResponseTooLargeException tooLarge)
            {
                return tooLarge;
            }
        }

        return null;
    }

    // The SDK wraps transport failures in an AmazonServiceException without status or code.
    private static bool IsNetworkFailure(Exception error) =>
        AwsErrorClassifier.IsNetworkFailure(error) || error is AmazonServiceException { StatusCode: 0, ErrorCode: null };

    // The type and message of the innermost cause; none of these carry request content.
    private static string Describe(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return $"{inner.GetType().Name}: {inner.Message}";
    }
}
