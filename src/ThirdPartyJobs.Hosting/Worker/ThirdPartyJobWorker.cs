using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>
/// The hosted job worker for one action type: polls for as many jobs as it has free slots,
/// claims each (details → acknowledge), runs the handler under a deadline, and always reports a
/// result. Polling backs off with jitter when there is nothing to do; shutdown stops polling at
/// once and gives running jobs a grace period before cancelling and reporting them.
/// </summary>
/// <remarks>
/// Exceptions are attached to log entries only when they are this library's own
/// (<see cref="ThirdPartyJobException"/>, whose messages never carry secrets); for anything else
/// (a handler's, a client-token provider's) only the type is logged. Counters are updated after
/// the matching log entry is written, so that whoever watches a counter finds the entry.
/// </remarks>
internal sealed class ThirdPartyJobWorker : BackgroundService
{
    /// <summary>CodePipeline hands out at most this many jobs per poll.</summary>
    internal const int MaxJobsPerPoll = 100;

    private static readonly TimeSpan MaxReportRetryDelay = TimeSpan.FromMinutes(1);

    private readonly string _name;
    private readonly ThirdPartyJobWorkerOptions _options;
    private readonly ActionTypeId _actionTypeId;
    private readonly IThirdPartyJobClient _client;
    private readonly IClientTokenProvider _clientTokens;
    private readonly Func<IServiceProvider, IThirdPartyJobHandler> _createHandler;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ThirdPartyJobWorkerStatistics _statistics;
    private readonly Func<double> _random;
    private readonly Backoff _pollBackoff;
    private readonly TimeSpan _handlerBudget;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<long, Task> _running = new();

    // Cancelled when the shutdown grace period is over (or the host stops waiting): handlers stop.
    private readonly CancellationTokenSource _jobsCancellation = new();

    // Cancelled when the worker is disposed: report retries stop.
    private readonly CancellationTokenSource _disposal = new();
    private long _nextJobKey;

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter for backoff, not security.")]
    public ThirdPartyJobWorker(
        string name,
        ThirdPartyJobWorkerOptions options,
        IThirdPartyJobClient client,
        IClientTokenProvider clientTokens,
        Func<IServiceProvider, IThirdPartyJobHandler> createHandler,
        IServiceScopeFactory scopes,
        TimeProvider timeProvider,
        ILogger logger,
        ThirdPartyJobWorkerStatistics statistics,
        Func<double>? random = null)
    {
        _name = name;
        _options = options;
        _actionTypeId = options.ActionTypeId ?? throw new ArgumentException($"Job worker '{name}' needs an ActionTypeId.", nameof(options));
        _client = client;
        _clientTokens = clientTokens;
        _createHandler = createHandler;
        _scopes = scopes;
        _time = timeProvider;
        _logger = logger;
        _statistics = statistics;
        _random = random ?? Random.Shared.NextDouble;
        _pollBackoff = new Backoff(options.MinPollInterval, options.MaxPollInterval, _random);
        _handlerBudget = options.JobTimeout - options.TimeoutSafetyMargin;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    internal string Name => _name;

    internal ThirdPartyJobWorkerStatistics Statistics => _statistics;

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // If the host stops waiting before the grace period is over, cancel handlers at once so
        // that their results still have a chance to be reported.
        var registration = cancellationToken.Register(static state => CancelQuietly((CancellationTokenSource)state!), _jobsCancellation);
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Callbacks run in reverse order: base.StopAsync may have returned (and this
            // registration be disposed) before the callback above ran, so cancel here too.
            if (cancellationToken.IsCancellationRequested)
            {
                CancelQuietly(_jobsCancellation);
            }

            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        CancelQuietly(_jobsCancellation);
        CancelQuietly(_disposal);
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave StartAsync at once: the host starts the next service while this one polls.
        await Task.Yield();
        WorkerLog.Starting(_logger, _name, _actionTypeId.Category.Value, _actionTypeId.Owner.Value, _actionTypeId.Provider, _actionTypeId.Version, _options.MaxConcurrency);
        try
        {
            await PollLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: polling ends here; running jobs are drained below.
        }

        await DrainAsync().ConfigureAwait(false);
    }

    private async Task PollLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug must not end polling for good: log it and carry on after the longest wait.
                var errorType = error.GetType();
                WorkerLog.LoopFailed(_logger, _name, errorType, _options.MaxPollInterval.TotalMilliseconds, error as ThirdPartyJobException);
                await Task.Delay(_options.MaxPollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        // Wait for one free slot (no spinning while full), then take every other free one.
        await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
        var requested = 1;
        while (requested < Math.Min(_options.MaxConcurrency, MaxJobsPerPoll) && _slots.Wait(0, CancellationToken.None))
        {
            requested++;
        }

        IReadOnlyList<ThirdPartyJob> jobs;
        try
        {
            _statistics.OnPoll();
            jobs = await _client.PollForJobsAsync(_actionTypeId, requested, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _slots.Release(requested);
            throw;
        }
        catch (Exception error)
        {
            _slots.Release(requested);
            var delay = _pollBackoff.Next();
            if (error is ThrottledException)
            {
                WorkerLog.PollThrottled(_logger, _name, delay.TotalMilliseconds);
                _statistics.OnThrottledPoll();
            }
            else
            {
                WorkerLog.PollFailed(_logger, _name, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, delay.TotalMilliseconds, error as ThirdPartyJobException);
                _statistics.OnFailedPoll();
            }

            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            return;
        }

        var receivedAt = _time.GetTimestamp();
        WorkerLog.Polled(_logger, _name, requested, jobs.Count);
        if (jobs.Count == 0)
        {
            _slots.Release(requested);
            var delay = _pollBackoff.Next();
            WorkerLog.PollEmpty(_logger, _name, delay.TotalMilliseconds);
            _statistics.OnEmptyPoll();
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            return;
        }

        _pollBackoff.Reset();
        if (jobs.Count < requested)
        {
            _slots.Release(requested - jobs.Count);
        }

        for (var index = 0; index < jobs.Count; index++)
        {
            if (index >= requested)
            {
                // CodePipeline sent more than asked: each extra job waits for a slot, so the
                // concurrency limit holds. When stopping, they are left unclaimed.
                try
                {
                    await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    WorkerLog.ExtraJobsNotClaimed(_logger, _name, jobs.Count - index, requested);
                    throw;
                }
            }

            StartJob(jobs[index], receivedAt);
        }
    }

    private void StartJob(ThirdPartyJob job, long receivedAt)
    {
        var key = Interlocked.Increment(ref _nextJobKey);
        _statistics.OnJobReceived();

        // Registered before it starts, so that its own clean-up always finds it.
        var start = new Task<Task>(() => RunJobAsync(key, job, receivedAt));
        _running[key] = start.Unwrap();
        start.Start(TaskScheduler.Default);
    }

    private async Task RunJobAsync(long key, ThirdPartyJob job, long receivedAt)
    {
        var jobId = job.JobId ?? string.Empty;
        try
        {
            // The budget counts from the poll: time spent waiting for a thread is the job's too.
            var remaining = _handlerBudget - _time.GetElapsedTime(receivedAt);
            using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time);
            using var jobCancellation = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _jobsCancellation.Token);
            var clientToken = await GetClientTokenAsync(job, jobCancellation.Token).ConfigureAwait(false);
            if (clientToken is null)
            {
                return;
            }

            var claim = await ClaimAsync(job, clientToken, jobCancellation.Token).ConfigureAwait(false);
            if (claim is null)
            {
                return;
            }

            var (details, fetchedAt) = claim.Value;
            var outcome = await RunHandlerAsync(job, details, clientToken, fetchedAt, receivedAt, deadline, jobCancellation.Token).ConfigureAwait(false);
            await ReportAsync(jobId, clientToken, outcome, details.Data.PipelineContext, receivedAt).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            var errorType = error.GetType();
            WorkerLog.Unexpected(_logger, jobId, errorType, error as ThirdPartyJobException);
        }
        finally
        {
            _running.TryRemove(key, out _);
            _statistics.OnJobFinished();
            _slots.Release();
        }
    }

    private async Task<string?> GetClientTokenAsync(ThirdPartyJob job, CancellationToken cancellationToken)
    {
        string? clientToken;
        try
        {
            clientToken = await _clientTokens.GetClientTokenAsync(job.ClientId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WorkerLog.NotClaimedStopping(_logger, job.JobId);
            return null;
        }
        catch (Exception error)
        {
            // The provider is the partner's code: its exception message is not ours to log.
            WorkerLog.ClientTokenLookupFailed(_logger, job.JobId, job.ClientId, error.GetType());
            _statistics.OnUnknownClient();
            return null;
        }

        if (string.IsNullOrEmpty(clientToken))
        {
            WorkerLog.UnknownClient(_logger, job.JobId, job.ClientId);
            _statistics.OnUnknownClient();
            return null;
        }

        return clientToken;
    }

    private async Task<(JobDetails Details, long FetchedAt)?> ClaimAsync(ThirdPartyJob job, string clientToken, CancellationToken cancellationToken)
    {
        JobDetails details;
        var fetchedAt = _time.GetTimestamp();
        try
        {
            details = await _client.GetJobDetailsAsync(job.JobId, clientToken, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WorkerLog.NotClaimedStopping(_logger, job.JobId);
            return null;
        }
        catch (Exception error)
        {
            WorkerLog.ClaimFailed(_logger, job.JobId, "GetThirdPartyJobDetails", error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
            _statistics.OnClaimFailure();
            return null;
        }

        JobStatus status;
        try
        {
            // Not cancelled by shutdown: once sent, the worker must know whether it owns the job.
            status = await _client.AcknowledgeJobAsync(job.JobId, details.Nonce, clientToken, _disposal.Token).ConfigureAwait(false);
        }
        catch (InvalidNonceException)
        {
            WorkerLog.TakenByAnotherWorker(_logger, job.JobId);
            _statistics.OnInvalidNonce();
            return null;
        }
        catch (Exception error)
        {
            WorkerLog.ClaimFailed(_logger, job.JobId, "AcknowledgeThirdPartyJob", error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
            _statistics.OnClaimFailure();
            return null;
        }

        if (status != JobStatus.InProgress)
        {
            WorkerLog.NotInProgress(_logger, job.JobId, status?.Value ?? "(none)");
            _statistics.OnNotInProgress();
            return null;
        }

        return (details, fetchedAt);
    }

    private async Task<JobOutcome> RunHandlerAsync(
        ThirdPartyJob job,
        JobDetails details,
        string clientToken,
        long fetchedAt,
        long receivedAt,
        CancellationTokenSource deadline,
        CancellationToken cancellationToken)
    {
        var pipeline = details.Data.PipelineContext;
        var claimedAt = _time.GetUtcNow() - _time.GetElapsedTime(receivedAt);
        var context = new JobContext(job.ClientId, details, clientToken, _client, _time, _options.CredentialsRefreshAge, fetchedAt, claimedAt, claimedAt + _handlerBudget);
        WorkerLog.JobStarted(_logger, job.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, context.IsContinuation);
        _statistics.OnJobStarted();

        var scope = _scopes.CreateAsyncScope();
        try
        {
            var handler = _createHandler(scope.ServiceProvider);
            var outcome = await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                _statistics.OnHandlerException();
                return JobOutcome.Failed(FailureType.JobFailed, "The job handler returned no outcome.");
            }

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (deadline.IsCancellationRequested)
            {
                WorkerLog.DeadlineReached(_logger, job.JobId, _handlerBudget.TotalSeconds, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName);
                _statistics.OnTimedOut();
                return JobOutcome.Failed(FailureType.JobFailed, $"The job did not finish within the worker's time limit of {FormatDuration(_handlerBudget)}.");
            }

            WorkerLog.CancelledForShutdown(_logger, job.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName);
            _statistics.OnCancelledForShutdown();
            return JobOutcome.Failed(FailureType.JobFailed, "The job was stopped because the job worker is shutting down.");
        }
        catch (Exception error)
        {
            if (_options.LogHandlerExceptionMessages)
            {
                WorkerLog.HandlerFailedWithException(_logger, job.JobId, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, error);
            }
            else
            {
                WorkerLog.HandlerFailed(_logger, job.JobId, error.GetType(), pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, error.StackTrace);
            }

            _statistics.OnHandlerException();
            var message = $"The job handler failed with {error.GetType().Name}.";
            if (_options.IncludeExceptionMessageInFailureReport && !string.IsNullOrWhiteSpace(error.Message))
            {
                message = OutcomeRules.FailureMessage(message + " " + error.Message);
            }

            return JobOutcome.Failed(FailureType.JobFailed, message);
        }
        finally
        {
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                WorkerLog.ScopeDisposeFailed(_logger, job.JobId, error.GetType());
            }
        }
    }

    private async Task ReportAsync(string jobId, string clientToken, JobOutcome outcome, PipelineContext? pipeline, long receivedAt)
    {
        var cancellationToken = _disposal.Token;
        var fellBack = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendAsync(jobId, clientToken, outcome, cancellationToken).ConfigureAwait(false);
                Completed(outcome);
                return;
            }
            catch (InvalidJobStateException error)
            {
                // An earlier attempt (ours, or one of the client's own retries) may have arrived.
                if (attempt > 1 || error.Attempts > 1)
                {
                    WorkerLog.ReportAlreadyRecorded(_logger, jobId, outcome.Kind);
                    _statistics.OnReportAlreadyRecorded();
                    Completed(outcome);
                }
                else
                {
                    WorkerLog.ReportRejected(_logger, jobId, outcome.Kind, error);
                    _statistics.OnReportRejected();
                }

                return;
            }
            catch (ArgumentException error) when (!fellBack)
            {
                // The handler's outcome breaks a limit the client checks: report that instead.
                WorkerLog.InvalidOutcome(_logger, jobId, outcome.Kind, error.ParamName);
                outcome = JobOutcome.Failed(FailureType.JobFailed, "The job handler returned a result CodePipeline does not accept.");
                fellBack = true;
                attempt--;
            }
            catch (Exception error) when (cancellationToken.IsCancellationRequested || IsPermanent(error) || attempt >= _options.MaxReportAttempts)
            {
                WorkerLog.ReportGaveUp(_logger, jobId, outcome.Kind, attempt, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
                _statistics.OnReportFailure();
                return;
            }
            catch (Exception error)
            {
                var delay = Backoff.Compute(_options.ReportRetryDelay, MaxReportRetryDelay, attempt, _random());
                WorkerLog.ReportRetrying(_logger, jobId, outcome.Kind, attempt, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, delay.TotalMilliseconds);
                _statistics.OnReportRetry();
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    WorkerLog.ReportGaveUp(_logger, jobId, outcome.Kind, attempt, error.GetType(), (error as ThirdPartyJobException)?.ErrorCode, error as ThirdPartyJobException);
                    _statistics.OnReportFailure();
                    return;
                }
            }
        }

        void Completed(JobOutcome reported)
        {
            var elapsed = _time.GetElapsedTime(receivedAt);
            WorkerLog.JobCompleted(_logger, jobId, reported.Kind, pipeline?.PipelineName, pipeline?.StageName, pipeline?.ActionName, elapsed.TotalMilliseconds);
            _statistics.OnReported(reported.Kind);
        }
    }

    private Task SendAsync(string jobId, string clientToken, JobOutcome outcome, CancellationToken cancellationToken) => outcome.Kind switch
    {
        JobOutcomeKind.Succeeded => _client.PutJobSuccessResultAsync(jobId, clientToken, outcome.CurrentRevision, null, outcome.ExecutionDetails, cancellationToken),
        JobOutcomeKind.ContinueLater => _client.PutJobSuccessResultAsync(jobId, clientToken, null, outcome.ContinuationToken, outcome.ExecutionDetails, cancellationToken),
        _ => _client.PutJobFailureResultAsync(jobId, clientToken, outcome.Failure!, cancellationToken),
    };

    private async Task DrainAsync()
    {
        var running = _running.Values.ToArray();
        WorkerLog.Stopping(_logger, _name, running.Length, _options.ShutdownGracePeriod.TotalSeconds);
        if (running.Length > 0)
        {
            var all = Task.WhenAll(running);
            using var graceOver = CancellationTokenSource.CreateLinkedTokenSource(_jobsCancellation.Token);
            var grace = Task.Delay(_options.ShutdownGracePeriod, _time, graceOver.Token);
            if (await Task.WhenAny(all, grace).ConfigureAwait(false) != all)
            {
                WorkerLog.GracePeriodOver(_logger, _name, _running.Count);
                CancelQuietly(_jobsCancellation);
            }

            await graceOver.CancelAsync().ConfigureAwait(false);

            // Each job reports (bounded by its report attempts) and never throws.
            await all.ConfigureAwait(false);
        }

        WorkerLog.Stopped(_logger, _name);
    }

    private static bool IsPermanent(Exception error) =>
        error is JobNotFoundException or InvalidClientTokenException or InvalidJobException or ServiceValidationException;

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalHours >= 1 && duration.Minutes == 0 && duration.Seconds == 0
            ? $"{(int)duration.TotalHours} h"
            : duration.TotalMinutes >= 1 && duration.Seconds == 0
                ? $"{(int)duration.TotalMinutes} min"
                : $"{(int)duration.TotalSeconds} s";

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already gone: nothing left to cancel.
        }
    }
}
