using Microsoft.Extensions.Logging;
using static ThirdPartyJobs.Hosting.Diagnostics.WorkerTelemetry;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>The events of a job's handler, report, detached handler and journal record.</summary>
internal sealed partial class WorkerDiagnostics
{
    // secrets: the job's own, scrubbed from the logged message.
    public void HandlerFailed(JobContext context, Exception error, bool logInFull, IReadOnlyList<string> secrets, JobTelemetry job)
    {
        var pipeline = context.Data.PipelineContext;
        if (logInFull)
        {
            WorkerLog.HandlerFailedWithException(_logger, context.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, error);
        }
        else
        {
            WorkerLog.HandlerFailed(_logger, context.JobId, error.GetType(), HandlerErrorText.Message(error, secrets), pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, HandlerErrorText.StackTrace(error, secrets));
        }

        Metrics.Add(Metrics.HandlerFailures, ErrorType, error.GetType().Name);
        job.HandlerFailed(error.GetType().Name);
    }

    public void NoOutcome(JobTelemetry job)
    {
        Metrics.Add(Metrics.HandlerFailures, ErrorType, "no_outcome");
        job.HandlerFailed("no_outcome");
    }

    public void DeadlineReached(JobContext context, TimeSpan budget, JobTelemetry job)
    {
        var pipeline = context.Data.PipelineContext;
        WorkerLog.DeadlineReached(_logger, context.JobId, budget.TotalSeconds, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName);
        Metrics.Add(Metrics.HandlerFailures, ErrorType, "timeout");
        job.HandlerFailed("timeout");
    }

    public void CancelledForShutdown(JobContext context, JobTelemetry job)
    {
        var pipeline = context.Data.PipelineContext;
        WorkerLog.CancelledForShutdown(_logger, context.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName);
        Metrics.Add(Metrics.HandlerFailures, ErrorType, "shutdown");
        job.HandlerFailed("shutdown");
    }

    public void InvalidOutcome(string jobId, JobOutcomeKind kind, string? parameterName, JobTelemetry job)
    {
        WorkerLog.InvalidOutcome(_logger, jobId, kind, parameterName);
        job.HandlerFailed("invalid_outcome");
    }

    public void ReportRetrying(string jobId, JobOutcomeKind kind, int attempt, Exception error, TimeSpan delay)
    {
        WorkerLog.ReportRetrying(_logger, jobId, kind, attempt, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, delay.TotalMilliseconds);
        Metrics.Add(Metrics.ReportRetries);
    }

    public void ReportAlreadyRecorded(string jobId, JobOutcomeKind kind)
    {
        WorkerLog.ReportAlreadyRecorded(_logger, jobId, kind);
        Metrics.Add(Metrics.ReportsAlreadyRecorded);
    }

    public void ReportRejected(string jobId, JobOutcomeKind kind, Exception error, JobTelemetry job)
    {
        WorkerLog.ReportRejected(_logger, jobId, kind, error);
        job.ReportRejected(error);
    }

    public void ReportGaveUp(string jobId, JobOutcomeKind kind, int attempts, Exception error, JobTelemetry job)
    {
        WorkerLog.ReportGaveUp(_logger, jobId, kind, attempts, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
        job.ReportFailed(error);
    }

    public void Reported(string jobId, JobOutcome outcome, PipelineContext? pipeline, TimeSpan elapsed, JobTelemetry job)
    {
        WorkerLog.JobCompleted(_logger, jobId, outcome.Kind, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, elapsed.TotalMilliseconds);
        job.Reported(outcome);
    }

    public void HandlerDetached(string jobId, int detached, int limit)
    {
        WorkerLog.HandlerDetached(_logger, jobId, detached, limit);
        Metrics.Move(Metrics.HandlersDetached, 1);
    }

    public void DetachedHandlerEnded(string jobId, string result, JobOutcome? lateOutcome, bool reportedFailure)
    {
        if (reportedFailure && lateOutcome is { Kind: not JobOutcomeKind.Failed } late)
        {
            WorkerLog.LateSuccessAfterFailure(_logger, jobId, late.Kind);
        }
        else
        {
            WorkerLog.LateHandlerResult(_logger, jobId, result);
        }

        Metrics.Move(Metrics.HandlersDetached, -1);
    }

    public void DetachedLimitReached(int detached, int limit, string jobId) => WorkerLog.DetachedLimitReached(_logger, _worker, detached, limit, jobId);

    public void JournalWriteFailed(string jobId, Exception error)
    {
        WorkerLog.JournalWriteFailed(_logger, jobId, error.GetType());
        Metrics.Add(Metrics.JournalFailures, "thirdpartyjobs.journal.operation", "write");
    }

    public void JournalRemoveFailed(string jobId, Exception error)
    {
        WorkerLog.JournalRemoveFailed(_logger, jobId, error.GetType());
        Metrics.Add(Metrics.JournalFailures, "thirdpartyjobs.journal.operation", "remove");
    }

    public void JournalReadFailed(Exception error)
    {
        WorkerLog.JournalReadFailed(_logger, _worker, error.GetType());
        Metrics.Add(Metrics.JournalFailures, "thirdpartyjobs.journal.operation", "read");
    }

    public void Recovering(int count) => WorkerLog.Recovering(_logger, _worker, count);

    public void Recovered(JobJournalRecord record, JobOutcome outcome, JobTelemetry job)
    {
        WorkerLog.Recovered(_logger, record.JobId, record.AcknowledgedAt, outcome.Kind);
        job.Recovered(outcome);
    }

    public void RecoveryDeferred(JobJournalRecord record, string reason, JobTelemetry job)
    {
        WorkerLog.RecoveryDeferred(_logger, record.JobId, record.Kind, reason);
        job.Skipped(SkipReasons.OtherKind);
    }

    public void RecoveryFailed(string jobId, Exception error, JobTelemetry job)
    {
        WorkerLog.RecoveryFailed(_logger, jobId, error.GetType());
        job.ReportFailed(error);
    }
}
