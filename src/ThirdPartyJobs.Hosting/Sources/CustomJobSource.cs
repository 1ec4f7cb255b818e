using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// Custom action jobs (<c>ActionTypeId.Owner</c> <c>Custom</c>): no client token (the worker's IAM
/// identity is the authority), the data and nonce come with the poll, so a job costs three calls
/// (<c>PollForJobs</c>, <c>AcknowledgeJob</c>, <c>PutJob…Result</c>); <c>GetJobDetails</c> only
/// renews artifact credentials on long jobs.
/// </summary>
/// <param name="actionType">The action type polled for.</param>
/// <param name="client">The custom-action API.</param>
/// <param name="queryParam">The poll's <c>queryParam</c> (the worker's <c>QueryParam</c> option); null for none.</param>
/// <param name="diagnostics">The worker's diagnostics.</param>
/// <param name="disposal">Cancelled when the worker is disposed.</param>
internal sealed class CustomJobSource(ActionTypeId actionType, ICustomJobClient client, IReadOnlyDictionary<string, string>? queryParam, WorkerDiagnostics diagnostics, CancellationToken disposal)
    : JobSource(actionType, diagnostics, disposal)
{
    public override string Kind => ActionOwner.Custom.Value;

    protected override string DetailsOperation => "GetJobDetails";

    protected override string AcknowledgeOperation => "AcknowledgeJob";

    public override async Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var jobs = await client.PollForJobsAsync(ActionType, maxJobs, queryParam, cancellationToken).ConfigureAwait(false);
        return jobs.Select(static job => new PolledJob(job.Id ?? string.Empty, job.AccountId ?? string.Empty) { Nonce = job.Nonce, Data = job.Data }).ToArray();
    }

    public override Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken) =>
        Task.FromResult<ClaimedJob?>(new ClaimedJob(this, record.JobId, record.ClientId, null, null));

    protected override Task<LookedUpJob?> LookUpAsync(PolledJob polled, JobTelemetry job, CancellationToken cancellationToken)
    {
        // The id, nonce and data are all needed to run the job; the account id only names it.
        var missing = polled.JobId.Length == 0 ? "id" : string.IsNullOrEmpty(polled.Nonce) ? "nonce" : polled.Data is null ? "data" : null;
        if (missing is not null || polled.Data is not { } data || polled.Nonce is not { } nonce)
        {
            Diagnostics.IncompleteJob(polled.JobId, "PollForJobs", missing ?? "data", job);
            return Task.FromResult<LookedUpJob?>(null);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Not yet acknowledged: CodePipeline hands the job out again after the worker stops.
            Diagnostics.NotClaimedStopping(polled.JobId, job);
            return Task.FromResult<LookedUpJob?>(null);
        }

        return Task.FromResult<LookedUpJob?>(new LookedUpJob(data, nonce, null));
    }

    protected override Task<JobStatus?> AcknowledgeAsync(string jobId, string nonce, string? clientToken, CancellationToken cancellationToken) =>
        client.AcknowledgeJobAsync(jobId, nonce, cancellationToken);

    protected override async Task<JobData?> FetchDataAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        (await client.GetJobDetailsAsync(job.JobId, cancellationToken).ConfigureAwait(false))?.Data;

    protected override Task PutSuccessAsync(ClaimedJob job, CurrentRevision? revision, string? continuationToken, ExecutionDetails? details, IReadOnlyDictionary<string, string>? outputVariables, CancellationToken cancellationToken) =>
        client.PutJobSuccessResultAsync(job.JobId, revision, continuationToken, details, outputVariables, cancellationToken);

    protected override Task PutFailureAsync(ClaimedJob job, FailureDetails failure, CancellationToken cancellationToken) =>
        client.PutJobFailureResultAsync(job.JobId, failure, cancellationToken);
}
