using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;
using ThirdPartyJobs.Diagnostics;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.AwsSdk;
using ThirdPartyJobs.Protocol.Json;
using ThirdPartyJobs.Resilience;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// The client for CodePipeline's third-party job operations. Thread-safe; create one per
/// process (or let <c>AddThirdPartyJobs</c> register it) and share it. Virtual members and the
/// protected constructor make it mockable.
/// </summary>
public class ThirdPartyJobClient : IThirdPartyJobClient, IDisposable
{
    private readonly ICodePipelineTransport _transport = null!;
    private readonly RetryPipeline _pipelines = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ThirdPartyJobsRetryOptions _retry = null!;

    /// <summary>For mocking only.</summary>
    protected ThirdPartyJobClient()
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="awsOptions">Region, profile, credentials and ServiceURL (e.g. <c>configuration.GetAWSOptions()</c>). Null uses the SDK's defaults: the credential chain and the region from the environment or profile.</param>
    /// <param name="options">Retry and timeout settings; null uses the defaults.</param>
    /// <param name="loggerFactory">Where the client and its retry pipeline log; never secrets.</param>
    /// <param name="timeProvider">The clock for all waiting (backoff, timeouts); null means <see cref="TimeProvider.System"/>. Tests pass a fake one.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names each bad setting.</exception>
    public ThirdPartyJobClient(AWSOptions? awsOptions = null, ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(CreateTransport(awsOptions, options), options, loggerFactory, timeProvider)
    {
    }

    internal ThirdPartyJobClient(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
    {
        options ??= new ThirdPartyJobsOptions();
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options);
        _transport = transport;
        _retry = options.Retry;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<ThirdPartyJobClient>() ?? NullLogger.Instance;
        _pipelines = ResiliencePipelineFactory.Create(options.Retry, _timeProvider, loggerFactory);
    }

    /// <inheritdoc/>
    public virtual async Task<JobDetails> GetJobDetailsAsync(string jobId, string clientToken, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        var request = new TransportRequest(CodePipelineOperation.GetThirdPartyJobDetails, RequestWriter.GetThirdPartyJobDetails(jobId, clientToken), jobId, [clientToken]);
        return await SendAsync(request, static (request, response) => ResponseParser.ParseJobDetails(response.Body.Span, new ParseContext(request.Operation, request.JobId, response.RequestId)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual async Task<IReadOnlyList<ThirdPartyJob>> PollForJobsAsync(ActionTypeId actionTypeId, int maxBatchSize, CancellationToken cancellationToken = default)
    {
        Require.ActionTypeId(actionTypeId);
        Require.MaxBatchSize(maxBatchSize);
        var request = new TransportRequest(CodePipelineOperation.PollForThirdPartyJobs, RequestWriter.PollForThirdPartyJobs(actionTypeId, maxBatchSize), null, []);
        return await SendAsync(request, static (request, response) => ResponseParser.ParseJobs(response.Body.Span, new ParseContext(request.Operation, null, response.RequestId)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual async Task<JobStatus> AcknowledgeJobAsync(string jobId, string nonce, string clientToken, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.Nonce(nonce);
        Require.ClientToken(clientToken);
        var request = new TransportRequest(CodePipelineOperation.AcknowledgeThirdPartyJob, RequestWriter.AcknowledgeThirdPartyJob(jobId, nonce, clientToken), jobId, [clientToken, nonce]);
        return await SendAsync(request, static (request, response) => ResponseParser.ParseAcknowledgeStatus(response.Body.Span, new ParseContext(request.Operation, request.JobId, response.RequestId)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual async Task PutJobSuccessResultAsync(string jobId, string clientToken, CurrentRevision? currentRevision = null, string? continuationToken = null, ExecutionDetails? executionDetails = null, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        Require.CurrentRevision(currentRevision);
        Require.ContinuationToken(continuationToken);
        Require.ExecutionDetails(executionDetails);
        var body = RequestWriter.PutThirdPartyJobSuccessResult(jobId, clientToken, currentRevision, continuationToken, executionDetails);
        await SendAsync(new TransportRequest(CodePipelineOperation.PutThirdPartyJobSuccessResult, body, jobId, [clientToken]), IgnoreBody, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual async Task PutJobFailureResultAsync(string jobId, string clientToken, FailureDetails failureDetails, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        Require.FailureDetails(failureDetails);
        var body = RequestWriter.PutThirdPartyJobFailureResult(jobId, clientToken, failureDetails);
        await SendAsync(new TransportRequest(CodePipelineOperation.PutThirdPartyJobFailureResult, body, jobId, [clientToken]), IgnoreBody, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the underlying AWS SDK client.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the underlying AWS SDK client.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport?.Dispose();
        }
    }

    // The result operations' answers carry nothing the caller needs.
    private static bool IgnoreBody(TransportRequest request, TransportResponse response) => true;

    // Parsing happens inside the error handling so that a malformed answer is logged as a failure and carries the attempt count.
    private async Task<T> SendAsync<T>(TransportRequest request, Func<TransportRequest, TransportResponse, T> parse, CancellationToken cancellationToken)
    {
        var state = new CallState(_transport, request);
        var started = _timeProvider.GetTimestamp();
        using var activity = ClientTelemetry.StartCall(request.Operation, request.JobId);
        Log.Calling(_logger, request.Operation, request.JobId);
        try
        {
            var response = await _pipelines.For(request.Operation).ExecuteAsync(
                static async (state, token) =>
                {
                    if (++state.Attempts > 1)
                    {
                        ClientTelemetry.RecordRetry(state.Request.Operation);
                    }

                    try
                    {
                        return await state.Transport.SendAsync(state.Request, token).ConfigureAwait(false);
                    }
                    catch (ThrottledException)
                    {
                        ClientTelemetry.RecordThrottle(state.Request.Operation);
                        throw;
                    }
                },
                state,
                cancellationToken).ConfigureAwait(false);
            var result = parse(request, response);
            var elapsed = _timeProvider.GetElapsedTime(started);
            ClientTelemetry.RecordSuccess(activity, request.Operation, response.RequestId, state.Attempts, elapsed);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.Succeeded(_logger, request.Operation, request.JobId, state.Attempts, elapsed.TotalMilliseconds);
            }

            return result;
        }
        catch (ThirdPartyJobException error)
        {
            error.Attempts = state.Attempts;
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, _timeProvider.GetElapsedTime(started));
            Log.Failed(_logger, request.Operation, request.JobId, state.Attempts, error.ErrorCode, error);
            throw;
        }
        catch (TimeoutRejectedException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            var which = timeout.Timeout == _retry.OverallTimeout ? "overall timeout" : "attempt timeout";
            var error = new ServiceUnavailableException(
                $"CodePipeline did not answer within the {which} of {timeout.Timeout.TotalSeconds:0.###} s.",
                new ServiceErrorDetails(request.Operation, JobId: request.JobId))
            {
                Attempts = state.Attempts,
            };
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, _timeProvider.GetElapsedTime(started));
            Log.Failed(_logger, request.Operation, request.JobId, state.Attempts, null, error);
            throw error;
        }
        catch (OperationCanceledException error)
        {
            ClientTelemetry.RecordFailure(activity, request.Operation, error, state.Attempts, _timeProvider.GetElapsedTime(started));
            throw;
        }
    }

    private static AwsSdkCodePipelineTransport CreateTransport(AWSOptions? awsOptions, ThirdPartyJobsOptions? options)
    {
        // Validate first: building the SDK client resolves credentials, which fails (or creates a client to leak) before bad options are reported.
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options ?? new ThirdPartyJobsOptions());
        return new AwsSdkCodePipelineTransport(CreateServiceClient(awsOptions));
    }

    private static CodePipelineServiceClient CreateServiceClient(AWSOptions? awsOptions)
    {
        var client = (awsOptions ?? new AWSOptions()).CreateServiceClient<CodePipelineServiceClient>();

        // One retry layer, whatever AWSOptions.DefaultClientConfig asked for.
        // The SDK also resends on stale pooled connections below MaxErrorRetry; that is a retry too.
        var config = (ClientConfig)client.Config;
        config.MaxErrorRetry = 0;
        config.MaxStaleConnectionRetries = 0;
        return client;
    }

    private sealed class CallState(ICodePipelineTransport transport, TransportRequest request)
    {
        public ICodePipelineTransport Transport { get; } = transport;

        public TransportRequest Request { get; } = request;

        public int Attempts { get; set; }
    }
}
