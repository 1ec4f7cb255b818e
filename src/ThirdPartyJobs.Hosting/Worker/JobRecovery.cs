using ThirdPartyJobs.Hosting.Diagnostics;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// At start, before the first poll: reports every job the journal holds from instances that died
/// (by default a failure; the <see cref="IJobRecoveryHandler"/>'s outcome if there is one) and
/// removes each record once CodePipeline has a result for the job. Each record goes through the API
/// of its own kind (third-party or custom); one this worker cannot report stays, logged once.
/// </summary>
internal sealed class JobRecovery(WorkerState state, Sources.JobSources sources, IJobJournal journal, JobReporter reporter, IJobRecoveryHandler? recoveryHandler)
{
    public const string RestartedMessage = "The job worker restarted while the job ran.";

    public async Task RecoverAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<JobJournalRecord> records;
        try
        {
            records = await journal.RecoverAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            state.Diagnostics.JournalReadFailed(error);
            return;
        }

        if (records.Count == 0)
        {
            return;
        }

        state.Diagnostics.Recovering(records.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = state.Options.MaxConcurrency, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(records, options, (record, _) => new ValueTask(RecoverOneAsync(record, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RecoverOneAsync(JobJournalRecord record, CancellationToken stoppingToken)
    {
        var receivedAt = state.Time.GetTimestamp();
        var job = state.Diagnostics.JobReceived();
        try
        {
            var source = sources.For(record.Kind);
            job.Start(state.ActionType, record.JobId, record.ClientId, JobKinds.IsCustom(record.Kind));
            var claim = source is null ? null : await source.ResumeAsync(record, stoppingToken).ConfigureAwait(false);
            if (claim is null && source != sources.Own)
            {
                // Another kind's job, and this host lacks its client or its client token: the record waits for a worker that has them.
                state.Diagnostics.RecoveryDeferred(record, source is null ? $"no {record.Kind} client" : "no client token for its client id", job);
                return;
            }

            if (claim is null)
            {
                // Nobody can report it without a client token: CodePipeline's timeout will.
                state.Diagnostics.UnknownClient(record.JobId, record.ClientId, job);
                await journal.DeleteAsync(record.JobId, stoppingToken).ConfigureAwait(false);
                return;
            }

            var outcome = recoveryHandler is null
                ? JobOutcome.Failed(FailureType.JobFailed, RestartedMessage)
                : await recoveryHandler.RecoverAsync(record, stoppingToken).ConfigureAwait(false)
                    ?? JobOutcome.Failed(FailureType.JobFailed, RestartedMessage);
            var result = await reporter.ReportAsync(claim, outcome, null, receivedAt, job).ConfigureAwait(false);
            if (result != ReportResult.Failed)
            {
                await journal.DeleteAsync(record.JobId, stoppingToken).ConfigureAwait(false);
                state.Diagnostics.Recovered(record, outcome, job);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            state.Diagnostics.RecoveryFailed(record.JobId, error, job);
        }
        finally
        {
            WorkerDiagnostics.JobFinished(job, state.Time.GetElapsedTime(receivedAt));
        }
    }
}
