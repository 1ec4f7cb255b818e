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

    public string Kind => ActionOwner.ThirdParty.Value;

    public bool IsCustom => false;

    public async Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var jobs = await _client.PollForJobsAsync(_actionType, maxJobs, cancellationToken).ConfigureAwait(false);
        return jobs.Select(static job => new PolledJob(job.JobId ?? string.Empty, job.ClientId ?? string.Empty)).ToArray();
    }

    public async Task<ClaimedJob?> ClaimAsync(PolledJob polled, JobTelemetry job, Func<JobData, Task> beforeAcknowledge, CancellationToken cancellationToken)
    {
        // Without an id nothing can be done with the job; without a client id no token can act for it.
        if (polled.JobId.Length == 0 || polled.ClientId.Length == 0)
        {
            _diagnostics.IncompleteJob(polled.JobId, "PollForThirdPartyJobs", polled.JobId.Length == 0 ? "jobId" : "clientId", job);
            return null;
        }

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

        JobDetails? details;
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

        if (details?.Data is not { } data || string.IsNullOrEmpty(details.Nonce))
        {
            // Acknowledging needs the nonce and running needs the data: leave the job to CodePipeline.
            _diagnostics.IncompleteJob(polled.JobId, "GetThirdPartyJobDetails", details is null ? "jobDetails" : details.Data is null ? "data" : "nonce", job);
            return null;
        }

        job.DataReceived(data);
        await beforeAcknowledge(data).ConfigureAwait(false);
        JobStatus? status;
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

        return new ClaimedJob(polled.JobId, polled.ClientId, clientToken, data);
    }

    public async Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken)
    {
        var clientToken = await _clientTokens.GetClientTokenAsync(record.ClientId, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(clientToken) ? null : new ClaimedJob(record.JobId, record.ClientId, clientToken, null);
    }

    public async Task<JobData> RenewAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var details = await _client.GetJobDetailsAsync(job.JobId, job.ClientToken!, cancellationToken).ConfigureAwait(false);
        return details?.Data ?? throw new InvalidOperationException($"CodePipeline's answer to GetThirdPartyJobDetails for job {job.JobId} has no job data; the credentials could not be renewed.");
    }

    public Task ReportAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        // PutThirdPartyJobSuccessResult has no output variables: the reporter reports this as a failure (event 2036).
        { Kind: JobOutcomeKind.Succeeded, OutputVariables: not null } => throw new ArgumentException(
            "Output variables are for custom actions only: PutThirdPartyJobSuccessResult cannot carry them. Return JobOutcome.Succeeded without outputVariables for a third-party action.",
            nameof(outcome)),
        { Kind: JobOutcomeKind.Succeeded } => _client.PutJobSuccessResultAsync(job.JobId, job.ClientToken!, outcome.CurrentRevision, null, outcome.ExecutionDetails, cancellationToken),
        { Kind: JobOutcomeKind.ContinueLater } => _client.PutJobSuccessResultAsync(job.JobId, job.ClientToken!, null, outcome.ContinuationToken, outcome.ExecutionDetails, cancellationToken),
        _ => _client.PutJobFailureResultAsync(job.JobId, job.ClientToken!, outcome.Failure!, cancellationToken),
    };
}
