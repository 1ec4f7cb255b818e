using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>Third-party action jobs: a client token per job (from <see cref="IClientTokenProvider"/>), details fetched, nonce acknowledged.</summary>
internal sealed class ThirdPartyJobSource : IJobSource
{
    private readonly ActionTypeId _actionType;
    private readonly IThirdPartyJobClient _client;
    private readonly IClientTokenProvider _clientTokens;
    private readonly WorkerDiagnostics _diagnostics;
    private readonly CancellationToken _disposal;

    // disposal: cancelled when the worker is disposed; it bounds the acknowledgement, which shutdown must not cut.
    public ThirdPartyJobSource(ActionTypeId actionType, IThirdPartyJobClient client, IClientTokenProvider clientTokens, WorkerDiagnostics diagnostics, CancellationToken disposal)
    {
        _actionType = actionType;
        _client = client;
        _clientTokens = clientTokens;
        _diagnostics = diagnostics;
        _disposal = disposal;
    }

    public string Kind => _actionType.Owner.Value;

    public async Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var jobs = await _client.PollForJobsAsync(_actionType, maxJobs, cancellationToken).ConfigureAwait(false);
        return jobs.Select(job => new PolledJob(job.JobId ?? string.Empty, job.ClientId ?? string.Empty)).ToArray();
    }

    public async Task<ClaimedJob?> ClaimAsync(PolledJob polled, JobTelemetry job, Func<JobDetails, Task> beforeAcknowledge, CancellationToken cancellationToken)
    {
        string? clientToken;
        try
        {
            clientToken = await _clientTokens.GetClientTokenAsync(polled.ClientId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _diagnostics.NotClaimedStopping(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            _diagnostics.TokenProviderFailed(polled.JobId, polled.ClientId, error, job);
            return null;
        }

        if (string.IsNullOrEmpty(clientToken))
        {
            _diagnostics.UnknownClient(polled.JobId, polled.ClientId, job);
            return null;
        }

        JobDetails details;
        try
        {
            details = await _client.GetJobDetailsAsync(polled.JobId, clientToken, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _diagnostics.NotClaimedStopping(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            _diagnostics.ClaimFailed(polled.JobId, "GetThirdPartyJobDetails", error, job);
            return null;
        }

        job.DetailsReceived(details);
        await beforeAcknowledge(details).ConfigureAwait(false);
        JobStatus status;
        try
        {
            // Not cancelled by shutdown: once sent, the worker must know whether it owns the job.
            status = await _client.AcknowledgeJobAsync(polled.JobId, details.Nonce, clientToken, _disposal).ConfigureAwait(false);
        }
        catch (InvalidNonceException)
        {
            _diagnostics.TakenByAnotherWorker(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            _diagnostics.ClaimFailed(polled.JobId, "AcknowledgeThirdPartyJob", error, job);
            return null;
        }

        if (status != JobStatus.InProgress)
        {
            _diagnostics.NotInProgress(polled.JobId, status, job);
            return null;
        }

        return new ClaimedJob(polled.JobId, polled.ClientId, clientToken, details);
    }

    public async Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken)
    {
        var clientToken = await _clientTokens.GetClientTokenAsync(record.ClientId, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(clientToken) ? null : new ClaimedJob(record.JobId, record.ClientId, clientToken, null);
    }

    public Task<JobDetails> RenewAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        _client.GetJobDetailsAsync(job.JobId, job.ClientToken!, cancellationToken);

    public Task ReportAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken) => outcome.Kind switch
    {
        JobOutcomeKind.Succeeded => _client.PutJobSuccessResultAsync(job.JobId, job.ClientToken!, outcome.CurrentRevision, null, outcome.ExecutionDetails, cancellationToken),
        JobOutcomeKind.ContinueLater => _client.PutJobSuccessResultAsync(job.JobId, job.ClientToken!, null, outcome.ContinuationToken, outcome.ExecutionDetails, cancellationToken),
        _ => _client.PutJobFailureResultAsync(job.JobId, job.ClientToken!, outcome.Failure!, cancellationToken),
    };
}
