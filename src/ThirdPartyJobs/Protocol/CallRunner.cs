using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using ThirdPartyJobs.Diagnostics;
using ThirdPartyJobs.Protocol.Json;
using ThirdPartyJobs.Resilience;

namespace ThirdPartyJobs.Protocol;

/// <summary>
/// Runs one logical CodePipeline call through the retry pipeline: one invocation id for every
/// attempt, the attempt number on each, parsing inside the error handling, and every failure built
/// once, complete, where it is known (the transport for answers and network failures, the parser
/// for bodies, here for timeouts). Shared by the third-party and custom job clients.
/// </summary>
internal sealed class CallRunner(ICodePipelineTransport transport, ResiliencePipeline pipeline, ThirdPartyJobsRetryOptions retry, TimeProvider timeProvider, ILogger logger)
{
    public ICodePipelineTransport Transport => transport;

    public async Task<T> SendAsync<T>(TransportRequest request, Func<TransportResponse, ParseContext, T> parse, CancellationToken cancellationToken)
    {
        var state = new CallState(transport, request with { MaxAttempts = retry.MaxAttempts });
        var started = timeProvider.GetTimestamp();
        using var activity = ClientTelemetry.StartCall(request.Operation, request.JobId);
        Log.Calling(logger, request.Operation, request.JobId);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (context, state) =>
                {
                    var attempt = ++state.Attempts;
                    if (attempt > 1)
                    {
                        ClientTelemetry.RecordRetry(state.Request.Operation);
                    }

                    try
                    {
                        return await state.Transport.SendAsync(state.Request with { Attempt = attempt }, context.CancellationToken).ConfigureAwait(false);
                    }
                    catch (ThrottledException)
                    {
                        ClientTelemetry.RecordThrottle(state.Request.Operation);
                        throw;
                    }
                },
                context,
                state).ConfigureAwait(false);
            var result = parse(response, new ParseContext(request.Operation, request.JobId, response.RequestId, response.StatusCode, state.Attempts));
            var elapsed = timeProvider.GetElapsedTime(started);
            ClientTelemetry.RecordSuccess(activity, request.Operation, response.RequestId, state.Attempts, elapsed);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.Succeeded(logger, request.Operation, request.JobId, state.Attempts, elapsed.TotalMilliseconds);
            }

            return result;
        }
        catch (ThirdPartyJobException error)
        {
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, timeProvider.GetElapsedTime(started));
            Log.Failed(logger, request.Operation, request.JobId, state.Attempts, error.ErrorCode, error);
            throw;
        }
        catch (TimeoutRejectedException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            var overall = context.Properties.TryGetValue(ResiliencePipelineFactory.TimeoutFired, out var which) && which == "overall";
            var limit = overall ? retry.OverallTimeout : retry.AttemptTimeout;
            var name = overall ? "overall timeout" : "attempt timeout";
            var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var error = new ServiceUnavailableException(
                $"CodePipeline did not answer within the {name} of {seconds} s.",
                new ServiceErrorDetails(request.Operation, JobId: request.JobId, Attempts: state.Attempts),
                new TimeoutException($"The {name} ({(overall ? "OverallTimeout" : "AttemptTimeout")}) of {seconds} s elapsed.", timeout));
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, timeProvider.GetElapsedTime(started));
            Log.Failed(logger, request.Operation, request.JobId, state.Attempts, null, error);
            throw error;
        }
        catch (OperationCanceledException error)
        {
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, timeProvider.GetElapsedTime(started));
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private sealed class CallState(ICodePipelineTransport transport, TransportRequest request)
    {
        public ICodePipelineTransport Transport { get; } = transport;

        public TransportRequest Request { get; } = request;

        public int Attempts { get; set; }
    }
}
