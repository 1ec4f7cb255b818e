using ThirdPartyJobs.Hosting.Diagnostics;
using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// Runs one polled job to its report: claim (through the job source), journal record, handler
/// under its deadline, report, journal record removed. Never throws; always gives its slot back
/// (or hands it to a detached handler at the limit).
/// </summary>
internal sealed class JobRunner(WorkerState state, IJobSource source, IJobJournal? journal, JobReporter reporter, HandlerExecution handlers, DetachedHandlers detached)
{
    public async Task RunAsync(PolledJob polled, long receivedAt, JobTelemetry job, SlotLease slot)
    {
        var time = state.Time;
        try
        {
            // This task's own flow: the job's span becomes current here, and the client's calls its children.
            job.Start(state.ActionType, polled.JobId, polled.ClientId, source.IsCustom);

            // The budget counts from the poll: time spent waiting for a thread is the job's too.
            var remaining = state.HandlerBudget - time.GetElapsedTime(receivedAt);
            using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, state.JobsCancellation.Token);
            var claim = await source.ClaimAsync(polled, job, cancellation.Token).ConfigureAwait(false);
            if (claim?.Data is not { } data)
            {
                return;
            }

            var claimedAt = time.GetUtcNow() - time.GetElapsedTime(receivedAt);
            var context = new JobContext(claim.JobId, claim.ClientId, source.IsCustom, data, (_, ct) => source.RenewAsync(claim, ct), time, state.Options.CredentialsRefreshAge, time.GetTimestamp(), claimedAt, claimedAt + state.HandlerBudget);
            await WriteJournalAsync(claim, context).ConfigureAwait(false);
            state.Diagnostics.JobStarted(context);

            var run = await handlers.RunAsync(context, claim.ClientToken, deadline, job, cancellation.Token).ConfigureAwait(false);
            var result = await reporter.ReportAsync(claim, run.Outcome, data.PipelineContext, receivedAt, job).ConfigureAwait(false);
            if (result != ReportResult.Failed)
            {
                await DeleteJournalAsync(claim.JobId).ConfigureAwait(false);
            }

            if (run.StillRunning is { } handler)
            {
                detached.Detach(claim.JobId, handler, run.Outcome.Kind == JobOutcomeKind.Failed, slot);
            }
        }
        catch (Exception error)
        {
            state.Diagnostics.Unexpected(polled.JobId, error, job);
        }
        finally
        {
            WorkerDiagnostics.JobFinished(job, time.GetElapsedTime(receivedAt));
            slot.Release();
        }
    }

    private async Task WriteJournalAsync(ClaimedJob claim, JobContext context)
    {
        if (journal is null)
        {
            return;
        }

        var record = new JobJournalRecord
        {
            JobId = claim.JobId,
            Kind = source.Kind,
            ClientId = claim.ClientId,
            AcknowledgedAt = state.Time.GetUtcNow(),
            Deadline = context.Deadline,
            ContinuationToken = context.ContinuationToken,
        };
        try
        {
            await journal.WriteAsync(record, state.Disposal.Token).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            state.Diagnostics.JournalWriteFailed(claim.JobId, error);
        }
    }

    private async Task DeleteJournalAsync(string jobId)
    {
        if (journal is null)
        {
            return;
        }

        try
        {
            await journal.DeleteAsync(jobId, state.Disposal.Token).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            state.Diagnostics.JournalRemoveFailed(jobId, error);
        }
    }
}
