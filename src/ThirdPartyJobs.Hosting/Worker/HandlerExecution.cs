using Microsoft.Extensions.DependencyInjection;
using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>The handler's outcome, and its task when it is still running (it ignored its cancellation).</summary>
internal readonly record struct HandlerResult(JobOutcome Outcome, Task<JobOutcome>? StillRunning);

/// <summary>
/// Runs a job's handler in its own DI scope and thread, and turns whatever it does into a
/// <see cref="JobOutcome"/> — without depending on it: when the job's token fires (deadline, or
/// the shutdown grace period is over) the handler gets a moment to answer, and then the worker
/// reports without it.
/// </summary>
internal sealed class HandlerExecution(WorkerState state, IServiceScopeFactory scopes, Func<IServiceProvider, IThirdPartyJobHandler> createHandler)
{
    public async Task<HandlerResult> RunAsync(JobContext context, string? clientToken, CancellationTokenSource deadline, JobTelemetry job, CancellationToken token)
    {
        var scope = scopes.CreateAsyncScope();

        // Its own thread: a handler that blocks (a call without a timeout) must not hold up the worker.
        var handler = Task.Run(() => createHandler(scope.ServiceProvider).HandleAsync(context, token), CancellationToken.None);
        await WhenDoneOrCancelledAsync(handler, token).ConfigureAwait(false);
        if (!handler.IsCompleted && !state.HostGaveUp.IsCancellationRequested)
        {
            // A cooperative handler answers its cancellation at once (perhaps with ContinueLater).
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(state.HostGaveUp.Token);
            await Task.WhenAny(handler, Task.Delay(state.ReactionTime, state.Time, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
        }

        if (!handler.IsCompleted)
        {
            _ = DisposeWhenDoneAsync(handler, scope, context.JobId);
            return new HandlerResult(Cancelled(context, deadline, job), handler);
        }

        await DisposeWhenDoneAsync(handler, scope, context.JobId).ConfigureAwait(false);
        try
        {
            var outcome = await handler.ConfigureAwait(false);
            if (outcome is null)
            {
                state.Diagnostics.NoOutcome(job);
                return new HandlerResult(JobOutcome.Failed(FailureType.JobFailed, "The job handler returned no outcome."), null);
            }

            return new HandlerResult(outcome, null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new HandlerResult(Cancelled(context, deadline, job), null);
        }
        catch (Exception error)
        {
            var secrets = JobSecrets.Of(context.Data, clientToken);
            state.Diagnostics.HandlerFailed(context, error, state.Options.LogHandlerExceptionMessages, secrets, job);
            var message = $"The job handler failed with {error.GetType().Name}.";
            if (state.Options.IncludeExceptionMessageInFailureReport && !string.IsNullOrWhiteSpace(error.Message))
            {
                message = OutcomeRules.FailureMessage(message + " " + HandlerErrorText.Scrub(error.Message, secrets));
            }

            return new HandlerResult(JobOutcome.Failed(FailureType.JobFailed, message), null);
        }
    }

    private JobOutcome Cancelled(JobContext context, CancellationTokenSource deadline, JobTelemetry job)
    {
        if (deadline.IsCancellationRequested)
        {
            state.Diagnostics.DeadlineReached(context, state.HandlerBudget, job);
            return JobOutcome.Failed(FailureType.JobFailed, $"The job did not finish within the worker's time limit of {FormatDuration(state.HandlerBudget)}.");
        }

        state.Diagnostics.CancelledForShutdown(context, job);
        return JobOutcome.Failed(FailureType.JobFailed, "The job was stopped because the job worker is shutting down.");
    }

    private static async Task WhenDoneOrCancelledAsync(Task handler, CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (token.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), cancelled))
        {
            await Task.WhenAny(handler, cancelled.Task).ConfigureAwait(false);
        }
    }

    private async Task DisposeWhenDoneAsync(Task handler, AsyncServiceScope scope, string jobId)
    {
        try
        {
            await handler.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed (and reported or logged) elsewhere; the scope goes either way.
        }

        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            state.Diagnostics.ScopeDisposeFailed(jobId, error);
        }
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalHours >= 1 && duration.Minutes == 0 && duration.Seconds == 0
            ? $"{(int)duration.TotalHours} h"
            : duration.TotalMinutes >= 1 && duration.Seconds == 0
                ? $"{(int)duration.TotalMinutes} min"
                : $"{(int)duration.TotalSeconds} s";
}
