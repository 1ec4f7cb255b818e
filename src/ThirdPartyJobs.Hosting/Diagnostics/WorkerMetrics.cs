using System.Diagnostics.Metrics;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// One worker's instruments, on the meter of its host (<see cref="IMeterFactory"/>) or the shared
/// one. Every measurement carries the worker's name; the tags are listed in the package README.
/// </summary>
internal sealed class WorkerMetrics
{
    public WorkerMetrics(Meter meter, string workerName)
    {
        Worker = new KeyValuePair<string, object?>(WorkerTelemetry.WorkerName, workerName);
        Jobs = meter.CreateCounter<long>("thirdpartyjobs.worker.jobs", "{job}", "Jobs the worker took from polls and finished, by outcome.");
        JobDuration = CreateJobDuration(meter);
        JobsInFlight = meter.CreateUpDownCounter<long>("thirdpartyjobs.worker.jobs_in_flight", "{job}", "Jobs taken from polls and not finished yet.");
        Polls = meter.CreateCounter<long>("thirdpartyjobs.worker.polls", "{poll}", "Polls for jobs, by result.");
        HandlerStarts = meter.CreateCounter<long>("thirdpartyjobs.worker.handler.starts", "{job}", "Handler runs started.");
        HandlerFailures = meter.CreateCounter<long>("thirdpartyjobs.worker.handler.failures", "{job}", "Handler runs that ended in a failure, by error type (an exception type, timeout, shutdown, no_outcome).");
        HandlersDetached = meter.CreateUpDownCounter<long>("thirdpartyjobs.worker.handlers_detached", "{handler}", "Handler tasks still running after their job was reported (deadline or shutdown).");
        ReportRetries = meter.CreateCounter<long>("thirdpartyjobs.worker.report.retries", "{attempt}", "Report attempts that failed and were retried.");
        ReportsAlreadyRecorded = meter.CreateCounter<long>("thirdpartyjobs.worker.report.already_recorded", "{report}", "Reports CodePipeline answered with 'already has a result' after an earlier attempt.");
        JournalFailures = meter.CreateCounter<long>("thirdpartyjobs.worker.journal.failures", "{operation}", "Journal writes or removals that failed.");
    }

    public KeyValuePair<string, object?> Worker { get; }

    public Counter<long> Jobs { get; }

    /// <summary>From the poll that handed a job out to the end of its report, measured with the worker's <see cref="TimeProvider"/>.</summary>
    public Histogram<double> JobDuration { get; }

    public UpDownCounter<long> JobsInFlight { get; }

    public Counter<long> Polls { get; }

    public Counter<long> HandlerStarts { get; }

    public Counter<long> HandlerFailures { get; }

    public UpDownCounter<long> HandlersDetached { get; }

    public Counter<long> ReportRetries { get; }

    public Counter<long> ReportsAlreadyRecorded { get; }

    public Counter<long> JournalFailures { get; }

    /// <summary>Adds to a counter with the worker's name and one more tag; a listener's exception is swallowed (listeners run inline and must cost no job).</summary>
    public void Add(Counter<long> counter, string? tag = null, string? value = null)
    {
        try
        {
            if (tag is null)
            {
                counter.Add(1, Worker);
            }
            else
            {
                counter.Add(1, Worker, new KeyValuePair<string, object?>(tag, value));
            }
        }
        catch (Exception)
        {
            // A listener's bug.
        }
    }

    /// <summary>Moves an up-down counter; a listener's exception is swallowed.</summary>
    public void Move(UpDownCounter<long> counter, int delta)
    {
        try
        {
            counter.Add(delta, Worker);
        }
        catch (Exception)
        {
            // A listener's bug.
        }
    }

    private static Histogram<double> CreateJobDuration(Meter meter)
    {
        const string Name = "thirdpartyjobs.worker.job.duration";
        const string Description = "Duration of jobs, from the poll that handed them out to the end of their report.";
#if NET9_0_OR_GREATER
        // Jobs take from a second to hours: the default buckets (made for milliseconds) would put
        // nearly every job in one bucket.
        return meter.CreateHistogram<double>(
            Name,
            "s",
            Description,
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 43200] });
#else
        return meter.CreateHistogram<double>(Name, "s", Description);
#endif
    }
}
