using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// Custom action jobs (<c>ActionTypeId.Owner</c> <c>Custom</c>): no client token (the worker's IAM
/// identity is the authority), the data and nonce come with the poll, so a job costs three calls
/// (<c>PollForJobs</c>, <c>AcknowledgeJob</c>, <c>PutJob…Result</c>); <c>GetJobDetails</c> only
/// renews artifact credentials on long jobs.
/// </summary>
internal sealed class CustomJobSource : IJobSource
{
    private readonly ActionTypeId _actionType;
    private readonly ICustomJobClient _client;
    private readonly WorkerDiagnostics _diagnostics;
    private readonly CancellationToken _disposal;

    // disposal: cancelled when the worker is disposed; it bounds the acknowledgement, which shutdown must not cut.
    public CustomJobSource(ActionTypeId actionType, ICustomJobClient client, WorkerDiagnostics diagnostics, CancellationToken disposal)
    {
        _actionType = actionType;
        _client = client;
        _diagnostics = diagnostics;
        _disposal = disposal;
    }

    public string Kind => ActionOwner.Custom.Value;

    public bool IsCustom => true;

    public async Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var jobs = await _client.PollForJobsAsync(_actionType, maxJobs, null, cancellationToken).ConfigureAwait(false);
        return jobs.Select(static job => new PolledJob(job.Id ?? string.Empty, job.AccountId ?? string.Empty) { Nonce = job.Nonce, Data = job.Data }).ToArray();
    }

    public async Task<ClaimedJob?> ClaimAsync(PolledJob polled, JobTelemetry job, Func<JobData, Task> beforeAcknowledge, CancellationToken cancellationToken)
    {
        // The id, nonce and data are all needed to run the job; the account id only names it.
        var missing = polled.JobId.Length == 0 ? "id" : string.IsNullOrEmpty(polled.Nonce) ? "nonce" : polled.Data is null ? "data" : null;
        if (missing is not null || polled.Data is not { } data || polled.Nonce is not { } nonce)
        {
            _diagnostics.IncompleteJob(polled.JobId, "PollForJobs", missing ?? "data", job);
            return null;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Not yet acknowledged: CodePipeline hands the job out again after the worker stops.
            _diagnostics.NotClaimedStopping(polled.JobId, job);
            return null;
        }

        job.DataReceived(data);
        await beforeAcknowledge(data).ConfigureAwait(false);
        JobStatus? status;
        try
        {
            // Not cancelled by shutdown: once sent, the worker must know whether it owns the job.
            status = await _client.AcknowledgeJobAsync(polled.JobId, nonce, _disposal).ConfigureAwait(false);
        }
        catch (InvalidNonceException)
        {
            _diagnostics.TakenByAnotherWorker(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            _diagnostics.ClaimFailed(polled.JobId, "AcknowledgeJob", error, job);
            return null;
        }

        if (status != JobStatus.InProgress)
        {
            _diagnostics.NotInProgress(polled.JobId, status, job);
            return null;
        }

        return new ClaimedJob(polled.JobId, polled.ClientId, null, data);
    }

    public Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken) =>
        Task.FromResult<ClaimedJob?>(new ClaimedJob(record.JobId, record.ClientId, null, null));

    public async Task<JobData> RenewAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var details = await _client.GetJobDetailsAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        return details?.Data ?? throw new InvalidOperationException($"CodePipeline's answer to GetJobDetails for job {job.JobId} has no job data; the credentials could not be renewed.");
    }

    public Task ReportAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken) => outcome.Kind switch
    {
        JobOutcomeKind.Succeeded => _client.PutJobSuccessResultAsync(job.JobId, outcome.CurrentRevision, null, outcome.ExecutionDetails, outcome.OutputVariables, cancellationToken),
        JobOutcomeKind.ContinueLater => _client.PutJobSuccessResultAsync(job.JobId, null, outcome.ContinuationToken, outcome.ExecutionDetails, null, cancellationToken),
        _ => _client.PutJobFailureResultAsync(job.JobId, outcome.Failure!, cancellationToken),
    };
}
