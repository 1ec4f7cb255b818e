using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>Third-party action jobs: a client token per job (from <see cref="IClientTokenProvider"/>), details fetched, nonce acknowledged.</summary>
/// <param name="actionType">The action type polled for.</param>
/// <param name="client">The third-party API.</param>
/// <param name="clientTokens">Where each job's client token comes from.</param>
/// <param name="diagnostics">The worker's diagnostics.</param>
/// <param name="disposal">Cancelled when the worker is disposed.</param>
internal sealed class ThirdPartyJobSource(ActionTypeId actionType, IThirdPartyJobClient client, IClientTokenProvider clientTokens, WorkerDiagnostics diagnostics, CancellationToken disposal)
    : JobSource(actionType, diagnostics, disposal)
{
    public override string Kind => ActionOwner.ThirdParty.Value;

    protected override string DetailsOperation => "GetThirdPartyJobDetails";

    protected override string AcknowledgeOperation => "AcknowledgeThirdPartyJob";

    public override async Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken)
    {
        var jobs = await client.PollForJobsAsync(ActionType, maxJobs, cancellationToken).ConfigureAwait(false);
        return jobs.Select(static job => new PolledJob(job.JobId ?? string.Empty, job.ClientId ?? string.Empty)).ToArray();
    }

    public override async Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken)
    {
        var clientToken = await clientTokens.GetClientTokenAsync(record.ClientId, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(clientToken) ? null : new ClaimedJob(this, record.JobId, record.ClientId, clientToken, null);
    }

    protected override async Task<LookedUpJob?> LookUpAsync(PolledJob polled, JobTelemetry job, CancellationToken cancellationToken)
    {
        // Without an id nothing can be done with the job; without a client id no token can act for it.
        if (polled.JobId.Length == 0 || polled.ClientId.Length == 0)
        {
            Diagnostics.IncompleteJob(polled.JobId, "PollForThirdPartyJobs", polled.JobId.Length == 0 ? "jobId" : "clientId", job);
            return null;
        }

        string? clientToken;
        JobDetails? details;
        try
        {
            clientToken = await LookUpTokenAsync(polled, job, cancellationToken).ConfigureAwait(false);
            if (clientToken is null)
            {
                return null;
            }

            details = await client.GetJobDetailsAsync(polled.JobId, clientToken, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Diagnostics.NotClaimedStopping(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            Diagnostics.ClaimFailed(polled.JobId, DetailsOperation, error, job);
            return null;
        }

        if (details?.Data is not { } data || string.IsNullOrEmpty(details.Nonce))
        {
            // Acknowledging needs the nonce and running needs the data: leave the job to CodePipeline.
            Diagnostics.IncompleteJob(polled.JobId, DetailsOperation, details is null ? "jobDetails" : details.Data is null ? "data" : "nonce", job);
            return null;
        }

        return new LookedUpJob(data, details.Nonce, clientToken);
    }

    protected override Task<JobStatus?> AcknowledgeAsync(string jobId, string nonce, string? clientToken, CancellationToken cancellationToken) =>
        client.AcknowledgeJobAsync(jobId, nonce, clientToken!, cancellationToken);

    protected override async Task<JobData?> FetchDataAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        (await client.GetJobDetailsAsync(job.JobId, job.ClientToken!, cancellationToken).ConfigureAwait(false))?.Data;

    protected override Task PutSuccessAsync(ClaimedJob job, CurrentRevision? revision, string? continuationToken, ExecutionDetails? details, IReadOnlyDictionary<string, string>? outputVariables, CancellationToken cancellationToken) =>
        client.PutJobSuccessResultAsync(job.JobId, job.ClientToken!, revision, continuationToken, details, cancellationToken);

    protected override Task PutFailureAsync(ClaimedJob job, FailureDetails failure, CancellationToken cancellationToken) =>
        client.PutJobFailureResultAsync(job.JobId, job.ClientToken!, failure, cancellationToken);

    // The provider is the partner's code: its failure is a skip of its own kind (not a claim failure), its cancellation a stop.
    private async Task<string?> LookUpTokenAsync(PolledJob polled, JobTelemetry job, CancellationToken cancellationToken)
    {
        string? clientToken;
        try
        {
            clientToken = await clientTokens.GetClientTokenAsync(polled.ClientId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Diagnostics.TokenProviderFailed(polled.JobId, polled.ClientId, error, job);
            return null;
        }

        if (string.IsNullOrEmpty(clientToken))
        {
            Diagnostics.UnknownClient(polled.JobId, polled.ClientId, job);
            return null;
        }

        return clientToken;
    }
}
