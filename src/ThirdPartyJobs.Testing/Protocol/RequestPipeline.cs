using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Testing.Faults;
using ThirdPartyJobs.Testing.Inspection;
using ThirdPartyJobs.Testing.Logging;
using ThirdPartyJobs.Testing.Signing;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Handles one HTTP request end to end: reads it, verifies its signature, applies a fault if one is due, checks
/// the protocol (method, path, content type, target), runs the operation, answers, and records what happened.
/// </summary>
internal sealed class RequestPipeline(
    SigV4Verifier verifier,
    EmulatorFaults faults,
    OperationDispatcher dispatcher,
    ResponseWriter writer,
    RequestLog requestLog,
    TimeProvider time,
    ILogger logger,
    CancellationToken stopping)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var sequence = requestLog.NextSequence();
        var requestId = Guid.NewGuid().ToString("D");
        var receivedAt = time.GetUtcNow();
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.PathBase + request.Path + request.QueryString;
        var target = request.Headers.TryGetValue("X-Amz-Target", out var targetValues) ? targetValues.ToString() : null;
        CodePipelineOperation? operation = OperationNames.TryParse(target, out var parsed) ? parsed : null;

        using var aborting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = aborting.Token;
        byte[] body = [];
        FaultKind? fault = null;
        AwsException? error = null;
        byte[]? success = null;
        RawResponse? rawResponse = null;
        var aborted = false;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                verifier.Verify(request, rawTarget, body);
            }
            catch (AwsException authenticationError)
            {
                logger.AuthenticationFailed(requestId, authenticationError.Code);
                throw;
            }

            if (operation is { } faulted && faults.Next(faulted) is { } action)
            {
                fault = action.Kind;
                switch (action.Kind)
                {
                    case FaultKind.Throttle:
                        throw AwsErrors.Throttling();
                    case FaultKind.ServerError:
                        throw AwsErrors.ServerError(action.StatusCode);
                    case FaultKind.Reset:
                        aborted = true;
                        break;
                    case FaultKind.RawResponse:
                        rawResponse = action.Response;
                        break;
                    case FaultKind.Delay:
                        await Task.Delay(action.Delay, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            if (!aborted && rawResponse is null)
            {
                success = Handle(request, rawTarget, operation, body);
            }
        }
        catch (AwsException awsError)
        {
            error = awsError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            aborted = true;
        }
        catch (BadHttpRequestException)
        {
            error = AwsErrors.Serialization("The request body could not be read.");
        }
        catch (IOException)
        {
            // The client went away while the body was being read.
            aborted = true;
        }
#pragma warning disable CA1031 // Any other failure is the emulator's own bug: answer 500 like AWS does, and log its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.UnexpectedFailure(requestId, operation, ex.GetType());
            error = new AwsException(500, AwsErrors.InternalFailureCode, AwsErrors.CoralService, "The emulator failed unexpectedly: " + ex.GetType().Name);
        }

        var statusCode = 0;
        if (aborted)
        {
            context.Abort();
        }
        else
        {
            try
            {
                writer.StartResponse(context, requestId, rawResponse?.IncludeRequestId ?? true);
                if (rawResponse is not null)
                {
                    statusCode = rawResponse.StatusCode;
                    await ResponseWriter.WriteRawAsync(context, rawResponse, cancellationToken).ConfigureAwait(false);
                }
                else if (error is not null)
                {
                    statusCode = error.StatusCode;
                    await writer.WriteErrorAsync(context, error, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    statusCode = StatusCodes.Status200OK;
                    await ResponseWriter.WriteSuccessAsync(context, success!, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                aborted = true;
            }
        }

        if (aborted)
        {
            statusCode = 0;
            logger.RequestAborted(requestId, operation, fault);
        }
        else
        {
            logger.RequestHandled(requestId, operation, statusCode, error?.Code, fault);
        }

        requestLog.Add(new RecordedRequest
        {
            Sequence = sequence,
            RequestId = requestId,
            Operation = operation,
            Method = request.Method,
            Path = rawTarget,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = receivedAt,
            Fault = fault,
            StatusCode = statusCode,
            ErrorCode = aborted ? null : error?.Code,
        });
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return string.Equals(mediaType, ResponseWriter.ContentType, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw AwsErrors.Serialization($"The request body is larger than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private byte[] Handle(HttpRequest request, string rawTarget, CodePipelineOperation? operation, byte[] body)
    {
        var path = rawTarget.Split('?')[0];
        if (!HttpMethods.IsPost(request.Method) || path != "/")
        {
            throw AwsErrors.UnknownOperation($"The emulator serves POST / only, not {request.Method} {path}.");
        }

        // AWS picks the protocol from the Content-Type; a request in no protocol it speaks maps to no operation.
        if (!IsJsonContentType(request.ContentType))
        {
            throw AwsErrors.UnknownOperation(
                $"Unsupported Content-Type '{request.ContentType}'; AWS JSON 1.1 requests use '{ResponseWriter.ContentType}'.");
        }

        if (operation is not { } known)
        {
            throw AwsErrors.UnknownOperation(request.Headers.ContainsKey("X-Amz-Target")
                ? "The X-Amz-Target header names no operation of this emulator."
                : "The X-Amz-Target header is missing.");
        }

        using var document = InputReader.Parse(body);
        return dispatcher.Dispatch(known, document.RootElement);
    }
}
