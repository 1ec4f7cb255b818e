using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.AwsSdk;
using ThirdPartyJobs.Protocol.Json;
using ThirdPartyJobs.Resilience;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// The client for CodePipeline's third-party job operations. Thread-safe; create one per
/// process (or let <c>AddThirdPartyJobs</c> register it) and share it. Mock <see cref="IThirdPartyJobClient"/> in tests.
/// </summary>
public sealed class ThirdPartyJobClient : IThirdPartyJobClient, IDisposable
{
    private readonly CallRunner _runner;

    /// <summary>Creates a client. The AWS settings are checked here, not at the first call.</summary>
    /// <param name="awsOptions">Region, profile, credentials and ServiceURL (e.g. <c>configuration.GetAWSOptions()</c>). Null uses the SDK's defaults: the credential chain and the region from the environment or profile.</param>
    /// <param name="options">Retry and timeout settings; null uses the defaults.</param>
    /// <param name="loggerFactory">Where the client and its retry pipeline log; never secrets.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names each bad setting.</exception>
    /// <exception cref="AwsConfigurationException">No credentials could be found, the profile does not exist, no region is set, or the ServiceURL is not an absolute http(s) URL; the message names the settings looked at.</exception>
    public ThirdPartyJobClient(AWSOptions? awsOptions = null, ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(CreateTransport(awsOptions, options), options, loggerFactory)
    {
    }

    internal ThirdPartyJobClient(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory)
    {
        _runner = CreateRunner(transport, options, loggerFactory, typeof(ThirdPartyJobClient));
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

    /// <summary>Disposes the underlying AWS SDK client.</summary>
    public void Dispose() => _runner.Transport.Dispose();

    internal static CallRunner CreateRunner(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory, Type category)
    {
        options ??= new ThirdPartyJobsOptions();
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options);
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var logger = (ILogger?)loggerFactory?.CreateLogger(category.FullName!) ?? NullLogger.Instance;
        var pipeline = ResiliencePipelineFactory.Create(options.Retry, timeProvider, loggerFactory);
        return new CallRunner(transport, pipeline, options.Retry, timeProvider, logger);
    }

    internal static AwsSdkCodePipelineTransport CreateTransport(AWSOptions? awsOptions, ThirdPartyJobsOptions? options)
    {
        // Validate first: building the SDK client resolves credentials, which fails (or creates a client to leak) before bad options are reported.
        ThirdPartyJobsOptionsValidator.ThrowIfInvalid(options ?? new ThirdPartyJobsOptions());
        return new AwsSdkCodePipelineTransport(ServiceClientFactory.Create(awsOptions));
    }

    // The result operations' answers carry nothing the caller needs.
    private static bool IgnoreBody(TransportResponse response, ParseContext context) => true;
}
