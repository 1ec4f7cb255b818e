using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.Json;
using ThirdPartyJobs.Resilience;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// <see cref="IThirdPartyJobClient"/> over CodePipeline: argument checks, then one call through
/// <see cref="CallRunner"/> (retry pipeline, typed errors, telemetry). Built by <see cref="ThirdPartyJobClient.Create"/>;
/// tests build it over a scripted transport.
/// </summary>
internal sealed class CodePipelineThirdPartyJobClient : IThirdPartyJobClient
{
    private readonly CallRunner _runner;

    internal CodePipelineThirdPartyJobClient(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
    {
        _runner = CreateRunner(transport, options, loggerFactory, timeProvider, typeof(ThirdPartyJobClient));
    }

    /// <inheritdoc/>
    public Task<JobDetails?> GetJobDetailsAsync(string jobId, string clientToken, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        var request = new TransportRequest(CodePipelineOperation.GetThirdPartyJobDetails, RequestWriter.GetJobDetails(jobId, clientToken), jobId, [clientToken]);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseJobDetails(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ThirdPartyJob>> PollForJobsAsync(ActionTypeId actionTypeId, int? maxBatchSize = null, CancellationToken cancellationToken = default)
    {
        Require.ActionTypeId(actionTypeId);
        if (maxBatchSize is { } size)
        {
            Require.MaxBatchSize(size, nameof(maxBatchSize));
        }

        var request = new TransportRequest(CodePipelineOperation.PollForThirdPartyJobs, RequestWriter.PollForJobs(actionTypeId, maxBatchSize), null, []);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseJobs(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<JobStatus?> AcknowledgeJobAsync(string jobId, string nonce, string clientToken, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.Nonce(nonce);
        Require.ClientToken(clientToken);
        var request = new TransportRequest(CodePipelineOperation.AcknowledgeThirdPartyJob, RequestWriter.AcknowledgeJob(jobId, nonce, clientToken), jobId, [clientToken, nonce]);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseAcknowledgeStatus(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task PutJobSuccessResultAsync(string jobId, string clientToken, CurrentRevision? currentRevision = null, string? continuationToken = null, ExecutionDetails? executionDetails = null, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        Require.CurrentRevision(currentRevision);
        Require.ContinuationToken(continuationToken);
        Require.ExecutionDetails(executionDetails);
        var body = RequestWriter.PutJobSuccessResult(jobId, clientToken, currentRevision, continuationToken, executionDetails);
        return _runner.SendAsync(new TransportRequest(CodePipelineOperation.PutThirdPartyJobSuccessResult, body, jobId, [clientToken]), IgnoreBody, cancellationToken);
    }

    /// <inheritdoc/>
    public Task PutJobFailureResultAsync(string jobId, string clientToken, FailureDetails failureDetails, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.ClientToken(clientToken);
        Require.FailureDetails(failureDetails);
        var body = RequestWriter.PutJobFailureResult(jobId, clientToken, failureDetails);
        return _runner.SendAsync(new TransportRequest(CodePipelineOperation.PutThirdPartyJobFailureResult, body, jobId, [clientToken]), IgnoreBody, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _runner.Transport.Dispose();

    internal static CallRunner CreateRunner(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, Type category)
    {
        options ??= new ThirdPartyJobsOptions();
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options);
        timeProvider ??= TimeProvider.System;
        var logger = (ILogger?)loggerFactory?.CreateLogger(category.FullName!) ?? NullLogger.Instance;
        var pipelines = ResiliencePipelineFactory.Create(options.Retry, timeProvider, loggerFactory);
        return new CallRunner(transport, pipelines, options.Retry, timeProvider, logger);
    }

    // The result operations' answers carry nothing the caller needs.
    private static bool IgnoreBody(TransportResponse response, ParseContext context) => true;
}
