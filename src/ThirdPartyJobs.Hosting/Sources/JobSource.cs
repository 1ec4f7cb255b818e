using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// The claim and report flow both kinds of job share: look the job up (per kind), record its data,
/// acknowledge it with its nonce, report its outcome. A kind supplies its API calls only, so the
/// rules (shutdown never cuts an acknowledgement, a lost nonce race is a skip, only
/// <c>InProgress</c> is owned) are written once.
/// </summary>
internal abstract class JobSource : IJobSource
{
    private readonly CancellationToken _disposal;

    // disposal: cancelled when the worker is disposed; it bounds the acknowledgement, which shutdown must not cut.
    protected JobSource(ActionTypeId actionType, WorkerDiagnostics diagnostics, CancellationToken disposal)
    {
        ActionType = actionType;
        Diagnostics = diagnostics;
        _disposal = disposal;
    }

    public abstract string Kind { get; }

    public bool IsCustom => JobKinds.IsCustom(Kind);

    protected ActionTypeId ActionType { get; }

    protected WorkerDiagnostics Diagnostics { get; }

    /// <summary>The operation that fetches a job's data (for log lines and errors).</summary>
    protected abstract string DetailsOperation { get; }

    /// <summary>The operation that reports a success (for messages).</summary>
    protected string SuccessOperation => IsCustom ? "PutJobSuccessResult" : "PutThirdPartyJobSuccessResult";

    /// <summary>The operation that acknowledges a job (for log lines).</summary>
    protected abstract string AcknowledgeOperation { get; }

    public abstract Task<IReadOnlyList<PolledJob>> PollAsync(int maxJobs, CancellationToken cancellationToken);

    public abstract Task<ClaimedJob?> ResumeAsync(JobJournalRecord record, CancellationToken cancellationToken);

    public async Task<ClaimedJob?> ClaimAsync(PolledJob polled, JobTelemetry job, Func<JobData, Task> beforeAcknowledge, CancellationToken cancellationToken)
    {
        if (await LookUpAsync(polled, job, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        job.DataReceived(found.Data);
        await beforeAcknowledge(found.Data).ConfigureAwait(false);
        JobStatus? status;
        try
        {
            // Not cancelled by shutdown: once sent, the worker must know whether it owns the job.
            status = await AcknowledgeAsync(polled.JobId, found.Nonce, found.ClientToken, _disposal).ConfigureAwait(false);
        }
        catch (InvalidNonceException)
        {
            Diagnostics.TakenByAnotherWorker(polled.JobId, job);
            return null;
        }
        catch (Exception error)
        {
            Diagnostics.ClaimFailed(polled.JobId, AcknowledgeOperation, error, job);
            return null;
        }

        if (status != JobStatus.InProgress)
        {
            Diagnostics.NotInProgress(polled.JobId, status, job);
            return null;
        }

        return new ClaimedJob(this, polled.JobId, polled.ClientId, found.ClientToken, found.Data);
    }

    public async Task<JobData> RenewAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        await FetchDataAsync(job, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"CodePipeline's answer to {DetailsOperation} for job {job.JobId} has no job data; the credentials could not be renewed.");

    public Task ReportAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        // Refused before sending; the reporter reports a failure instead (event 2036).
        // Only PutJobSuccessResult (custom actions) carries output variables.
        { Kind: JobOutcomeKind.Succeeded, OutputVariables: not null } when !IsCustom => throw new ArgumentException(
            $"Output variables are for custom actions only: {SuccessOperation} cannot carry them. Return JobOutcome.Succeeded without outputVariables for a third-party action.",
            nameof(outcome)),
        { Kind: JobOutcomeKind.Succeeded } => PutSuccessAsync(job, outcome.CurrentRevision, null, outcome.ExecutionDetails, outcome.OutputVariables, cancellationToken),
        { Kind: JobOutcomeKind.ContinueLater } => PutSuccessAsync(job, null, outcome.ContinuationToken, outcome.ExecutionDetails, null, cancellationToken),
        _ => PutFailureAsync(job, outcome.Failure!, cancellationToken),
    };

    /// <summary>Everything needed to acknowledge and run a polled job; null (with the reason recorded on <paramref name="job"/>) when it is not this worker's to run.</summary>
    protected abstract Task<LookedUpJob?> LookUpAsync(PolledJob polled, JobTelemetry job, CancellationToken cancellationToken);

    /// <summary>Sends the acknowledgement.</summary>
    protected abstract Task<JobStatus?> AcknowledgeAsync(string jobId, string nonce, string? clientToken, CancellationToken cancellationToken);

    /// <summary>Fetches the job's data again (fresh artifact credentials); null when the answer has none.</summary>
    protected abstract Task<JobData?> FetchDataAsync(ClaimedJob job, CancellationToken cancellationToken);

    /// <summary>Reports a success, or a continuation when <paramref name="continuationToken"/> is set.</summary>
    protected abstract Task PutSuccessAsync(ClaimedJob job, CurrentRevision? revision, string? continuationToken, ExecutionDetails? details, IReadOnlyDictionary<string, string>? outputVariables, CancellationToken cancellationToken);

    /// <summary>Reports a failure.</summary>
    protected abstract Task PutFailureAsync(ClaimedJob job, FailureDetails failure, CancellationToken cancellationToken);

    /// <summary>A job ready to acknowledge: its data, its nonce and (third-party jobs) the token that acts for it.</summary>
    /// <param name="Data">The job's data.</param>
    /// <param name="Nonce">The nonce to acknowledge with.</param>
    /// <param name="ClientToken">The client token; null for custom jobs.</param>
    protected internal sealed record LookedUpJob(JobData Data, string Nonce, string? ClientToken)
    {
        /// <summary>Names nothing secret.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => nameof(LookedUpJob);
    }
}
