using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// One worker's metrics as the tests read them: <see cref="MetricCollector{T}"/>s on the meter of
/// one service provider (its <see cref="IMeterFactory"/>), so that tests running side by side never
/// see each other's measurements, filtered by the worker's name.
/// </summary>
internal sealed class WorkerMetricsView : IDisposable
{
    private const string Meter = "ThirdPartyJobs";
    private readonly string _worker;
    private readonly MetricCollector<long> _jobs;
    private readonly MetricCollector<long> _inFlight;
    private readonly MetricCollector<long> _polls;
    private readonly MetricCollector<long> _starts;
    private readonly MetricCollector<long> _handlerFailures;
    private readonly MetricCollector<long> _detached;
    private readonly MetricCollector<long> _reportRetries;
    private readonly MetricCollector<long> _alreadyRecorded;
    private readonly MetricCollector<long> _journalFailures;

    public WorkerMetricsView(IMeterFactory meters, string worker)
    {
        _worker = worker;
        _jobs = new(meters, Meter, "thirdpartyjobs.worker.jobs");
        _inFlight = new(meters, Meter, "thirdpartyjobs.worker.jobs_in_flight");
        _polls = new(meters, Meter, "thirdpartyjobs.worker.polls");
        _starts = new(meters, Meter, "thirdpartyjobs.worker.handler.starts");
        _handlerFailures = new(meters, Meter, "thirdpartyjobs.worker.handler.failures");
        _detached = new(meters, Meter, "thirdpartyjobs.worker.handlers_detached");
        _reportRetries = new(meters, Meter, "thirdpartyjobs.worker.report.retries");
        _alreadyRecorded = new(meters, Meter, "thirdpartyjobs.worker.report.already_recorded");
        _journalFailures = new(meters, Meter, "thirdpartyjobs.worker.journal.failures");
    }

    public long JobsSucceeded => Jobs("succeeded");

    public long JobsContinued => Jobs("continued");

    public long JobsFailed => Jobs("failed");

    public long JobsRecovered => Jobs("recovered");

    public long JobsSkippedUnknownClient => Jobs("unknown_client");

    public long TokenProviderFailures => Jobs("token_provider_failed");

    public long JobsSkippedInvalidNonce => Jobs("skipped", "invalid_nonce");

    public long JobsSkippedNotInProgress => Jobs("skipped", "not_in_progress");

    public long ClaimFailures => Jobs("claim_failed");

    public long ReportsRejected => Jobs("report_rejected");

    public long ReportFailures => Jobs("report_failed");

    public long JobsReceived => Mine(_inFlight).Where(m => m.Value > 0).Sum(m => m.Value);

    public long InFlight => Mine(_inFlight).Sum(m => m.Value);

    public long MaxInFlightObserved
    {
        get
        {
            long running = 0, max = 0;
            foreach (var measurement in Mine(_inFlight))
            {
                running += measurement.Value;
                max = Math.Max(max, running);
            }

            return max;
        }
    }

    public long JobsStarted => Mine(_starts).Sum(m => m.Value);

    public long HandlerExceptions => Mine(_handlerFailures).Where(m => Tag(m, "error.type") is not ("timeout" or "shutdown")).Sum(m => m.Value);

    public long JobsTimedOut => Mine(_handlerFailures).Where(m => Tag(m, "error.type") == "timeout").Sum(m => m.Value);

    public long JobsCancelledForShutdown => Mine(_handlerFailures).Where(m => Tag(m, "error.type") == "shutdown").Sum(m => m.Value);

    public long HandlersDetached => Mine(_detached).Sum(m => m.Value);

    public long ReportRetries => Mine(_reportRetries).Sum(m => m.Value);

    public long ReportsAlreadyRecorded => Mine(_alreadyRecorded).Sum(m => m.Value);

    public long JournalFailures => Mine(_journalFailures).Sum(m => m.Value);

    public long Polls => Mine(_polls).Sum(m => m.Value);

    public long EmptyPolls => Polls_("empty");

    public long FailedPolls => Polls_("failed");

    public long ThrottledPolls => Polls_("throttled");

    public void Dispose()
    {
        foreach (var collector in new[] { _jobs, _inFlight, _polls, _starts, _handlerFailures, _detached, _reportRetries, _alreadyRecorded, _journalFailures })
        {
            collector.Dispose();
        }
    }

    public override string ToString() =>
        $"worker {_worker}: received {JobsReceived}, in flight {InFlight}, succeeded {JobsSucceeded}, continued {JobsContinued}, failed {JobsFailed}, recovered {JobsRecovered}, report failures {ReportFailures}, detached {HandlersDetached}";

    private long Jobs(string outcome, string? skipReason = null) =>
        Mine(_jobs).Where(m => Tag(m, "thirdpartyjobs.job.outcome") == outcome && (skipReason is null || Tag(m, "thirdpartyjobs.job.skip_reason") == skipReason)).Sum(m => m.Value);

    private long Polls_(string result) => Mine(_polls).Where(m => Tag(m, "thirdpartyjobs.poll.result") == result).Sum(m => m.Value);

    private IEnumerable<CollectedMeasurement<long>> Mine(MetricCollector<long> collector) =>
        collector.GetMeasurementSnapshot().Where(m => Tag(m, "thirdpartyjobs.worker.name") == _worker);

    private static string? Tag(CollectedMeasurement<long> measurement, string name) =>
        measurement.Tags.TryGetValue(name, out var value) ? value as string : null;
}
