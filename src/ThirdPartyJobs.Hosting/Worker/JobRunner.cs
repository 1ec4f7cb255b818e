using System.Collections.Concurrent;
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
    // Jobs this worker is claiming or running: CodePipeline may hand one job out again before it
    // is acknowledged, and a second claim in the same worker would only fight the first (and its journal record).
    private readonly ConcurrentDictionary<string, byte> _active = new(StringComparer.Ordinal);

    public async Task RunAsync(PolledJob polled, long receivedAt, JobTelemetry job, SlotLease slot)
    {
        var time = state.Time;
        var active = _active.TryAdd(polled.JobId, 0);
        try
        {
            if (!active)
            {
                state.Diagnostics.AlreadyRunning(polled.JobId, job);
                return;
            }

            // This task's own flow: the job's span becomes current here, and the client's calls its children.
            job.Start(state.ActionType, polled.JobId, polled.ClientId, source.IsCustom);

            // The budget counts from the poll: time spent waiting for a thread is the job's too.
            var remaining = state.HandlerBudget - time.GetElapsedTime(receivedAt);
            using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, state.JobsCancellation.Token);
            var claimedAt = time.GetUtcNow() - time.GetElapsedTime(receivedAt);
            var journaled = false;
            var claim = await source.ClaimAsync(
                polled,
                job,
                async data => journaled = await WriteJournalAsync(polled, data, claimedAt + state.HandlerBudget).ConfigureAwait(false),
                cancellation.Token).ConfigureAwait(false);
            if (claim?.Data is not { } data)
            {
                if (journaled)
                {
                    // Not this worker's after all (another took it, or the acknowledgement failed).
                    await DeleteJournalAsync(polled.JobId).ConfigureAwait(false);
                }

                return;
            }

            var context = new JobContext(claim.JobId, claim.ClientId, source.IsCustom, data, (_, ct) => source.RenewAsync(claim, ct), time, state.Options.CredentialsRefreshAge, time.GetTimestamp(), claimedAt, claimedAt + state.HandlerBudget);
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
            if (active)
            {
                _active.TryRemove(polled.JobId, out _);
            }

            WorkerDiagnostics.JobFinished(job, time.GetElapsedTime(receivedAt));
            slot.Release();
        }
    }

    // Written right before the acknowledgement, not after it: then no crash can leave an
    // acknowledged job without a record. A record whose acknowledgement never happened is settled
    // at recovery, when CodePipeline answers that the job is not in progress.
    private async Task<bool> WriteJournalAsync(PolledJob polled, JobData data, DateTimeOffset deadline)
    {
        if (journal is null)
        {
            return false;
        }

        var record = new JobJournalRecord
        {
            JobId = polled.JobId,
            Kind = source.Kind,
            ClientId = polled.ClientId,
            AcknowledgedAt = state.Time.GetUtcNow(),
            Deadline = deadline,
            ContinuationToken = data.ContinuationToken,
        };
        try
        {
            await journal.WriteAsync(record, state.Disposal.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception error)
        {
            state.Diagnostics.JournalWriteFailed(polled.JobId, error);
            return false;
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
