using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.Json;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs;

/// <summary>
/// <see cref="ICustomJobClient"/> over CodePipeline, sharing the third-party client's protocol, retry pipeline,
/// error mapping and fidelity rules. Built by <see cref="CustomJobClient.Create"/>.
/// </summary>
internal sealed partial class CodePipelineCustomJobClient : ICustomJobClient
{
    private readonly CallRunner _runner;

    internal CodePipelineCustomJobClient(ICodePipelineTransport transport, ThirdPartyJobsOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
    {
        _runner = CodePipelineThirdPartyJobClient.CreateRunner(transport, options, loggerFactory, timeProvider, typeof(CustomJobClient));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CustomJob>> PollForJobsAsync(ActionTypeId actionTypeId, int? maxBatchSize = null, IReadOnlyDictionary<string, string>? queryParam = null, CancellationToken cancellationToken = default)
    {
        Require.ActionTypeId(actionTypeId);
        if (maxBatchSize is { } size)
        {
            Require.MaxBatchSize(size, nameof(maxBatchSize));
        }

        RequireQueryParam(queryParam);
        var request = new TransportRequest(CodePipelineOperation.PollForJobs, RequestWriter.PollForJobs(actionTypeId, maxBatchSize, queryParam), null, []);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseCustomJobs(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<JobStatus?> AcknowledgeJobAsync(string jobId, string nonce, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.Nonce(nonce);
        var request = new TransportRequest(CodePipelineOperation.AcknowledgeJob, RequestWriter.AcknowledgeJob(jobId, nonce, clientToken: null), jobId, [nonce]);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseAcknowledgeStatus(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CustomJob?> GetJobDetailsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        var request = new TransportRequest(CodePipelineOperation.GetJobDetails, RequestWriter.GetJobDetails(jobId, clientToken: null), jobId, []);
        return _runner.SendAsync(request, static (response, context) => ResponseParser.ParseCustomJobDetails(response.Body.Span, context), cancellationToken);
    }

    /// <inheritdoc/>
    public Task PutJobSuccessResultAsync(string jobId, CurrentRevision? currentRevision = null, string? continuationToken = null, ExecutionDetails? executionDetails = null, IReadOnlyDictionary<string, string>? outputVariables = null, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.CurrentRevision(currentRevision);
        Require.ContinuationToken(continuationToken);
        Require.ExecutionDetails(executionDetails);
        RequireOutputVariables(outputVariables, continuationToken);
        var body = RequestWriter.PutJobSuccessResult(jobId, clientToken: null, currentRevision, continuationToken, executionDetails, outputVariables);
        return _runner.SendAsync(new TransportRequest(CodePipelineOperation.PutJobSuccessResult, body, jobId, []), IgnoreBody, cancellationToken);
    }

    /// <inheritdoc/>
    public Task PutJobFailureResultAsync(string jobId, FailureDetails failureDetails, CancellationToken cancellationToken = default)
    {
        Require.JobId(jobId);
        Require.FailureDetails(failureDetails);
        var body = RequestWriter.PutJobFailureResult(jobId, clientToken: null, failureDetails);
        return _runner.SendAsync(new TransportRequest(CodePipelineOperation.PutJobFailureResult, body, jobId, []), IgnoreBody, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _runner.Transport.Dispose();

    // The model's QueryParamMap: at most one entry, key 1–50 characters, value 1–50 of [a-zA-Z0-9_-].
    private static void RequireQueryParam(IReadOnlyDictionary<string, string>? queryParam)
    {
        if (queryParam is null)
        {
            return;
        }

        if (queryParam.Count > 1)
        {
            throw new ArgumentException("queryParam may hold at most one entry.", nameof(queryParam));
        }

        foreach (var (key, value) in queryParam)
        {
            Require.Text(key, 1, 50, nameof(queryParam) + ".Key");
            Require.Text(value, 1, 50, nameof(queryParam) + ".Value");
            Require.Pattern(value, QueryValuePattern(), "[a-zA-Z0-9_-]+", nameof(queryParam) + ".Value");
        }
    }

    // Output variables: keys of [A-Za-z0-9@-_] (the model's pattern), values present, and never with a continuation token.
    private static void RequireOutputVariables(IReadOnlyDictionary<string, string>? outputVariables, string? continuationToken)
    {
        if (outputVariables is null)
        {
            return;
        }

        if (continuationToken is not null && outputVariables.Count > 0)
        {
            throw new ArgumentException("Output variables cannot be sent together with a continuation token; send them with the last step's result.", nameof(outputVariables));
        }

        foreach (var (key, value) in outputVariables)
        {
            Require.Text(key, 1, int.MaxValue, nameof(outputVariables) + ".Key");
            Require.Pattern(key, OutputVariableKeyPattern(), "[A-Za-z0-9@-_]+", nameof(outputVariables) + ".Key");
            ArgumentNullException.ThrowIfNull(value, nameof(outputVariables) + ".Value");
        }
    }

    private static bool IgnoreBody(TransportResponse response, ParseContext context) => true;

    [GeneratedRegex(@"^[a-zA-Z0-9_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex QueryValuePattern();

    [GeneratedRegex(@"^[A-Za-z0-9@\-_]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex OutputVariableKeyPattern();
}
