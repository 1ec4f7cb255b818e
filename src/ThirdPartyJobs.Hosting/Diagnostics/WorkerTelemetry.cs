using System.Diagnostics.Metrics;
using ThirdPartyJobs.Diagnostics;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// The worker's metrics and tag names, on the library's shared <see cref="Meter"/>
/// (<see cref="ThirdPartyJobsTelemetry.MeterName"/>). Dimensions are the worker's name, a job's
/// outcome and a poll's result only: a handful of values each, and never a secret.
/// </summary>
internal static class WorkerTelemetry
{
    // Tag names.
    public const string WorkerName = "thirdpartyjobs.worker.name";
    public const string Outcome = "thirdpartyjobs.job.outcome";
    public const string SkipReason = "thirdpartyjobs.job.skip_reason";
    public const string IsContinuation = "thirdpartyjobs.job.is_continuation";
    public const string PollResult = "thirdpartyjobs.poll.result";
    public const string JobId = ThirdPartyJobsTelemetry.JobId;
    public const string ClientId = "codepipeline.client.id";
    public const string PipelineName = "codepipeline.pipeline.name";
    public const string StageName = "codepipeline.stage.name";
    public const string ActionName = "codepipeline.action.name";
    public const string ActionExecutionId = "codepipeline.action.execution_id";
    public const string ActionTypeCategory = "codepipeline.action_type.category";
    public const string ActionTypeProvider = "codepipeline.action_type.provider";
    public const string ActionTypeVersion = "codepipeline.action_type.version";
    public const string ErrorType = ThirdPartyJobsTelemetry.ErrorType;

    /// <summary>Jobs the worker finished, by outcome (see <see cref="JobOutcomes"/>).</summary>
    public static readonly Counter<long> Jobs = ThirdPartyJobsTelemetry.Meter.CreateCounter<long>(
        "thirdpartyjobs.worker.jobs", "{job}", "Jobs the worker took from polls and finished, by outcome.");

    /// <summary>From the poll that handed a job out to the end of its report, measured with the worker's <see cref="TimeProvider"/>.</summary>
    public static readonly Histogram<double> JobDuration = CreateJobDuration();

    /// <summary>Jobs taken from polls and not finished yet (claiming, running or reporting).</summary>
    public static readonly UpDownCounter<long> JobsInFlight = ThirdPartyJobsTelemetry.Meter.CreateUpDownCounter<long>(
        "thirdpartyjobs.worker.jobs_in_flight", "{job}", "Jobs taken from polls and not finished yet.");

    /// <summary>Polls that completed, by result (see <see cref="PollResults"/>). A poll cut short by shutdown is not counted.</summary>
    public static readonly Counter<long> Polls = ThirdPartyJobsTelemetry.Meter.CreateCounter<long>(
        "thirdpartyjobs.worker.polls", "{poll}", "Polls for jobs, by result.");

    public static void RecordPoll(string workerName, string result)
    {
        try
        {
            Polls.Add(1, new KeyValuePair<string, object?>(WorkerName, workerName), new KeyValuePair<string, object?>(PollResult, result));
        }
        catch (Exception)
        {
            // Listeners run inline; one's bug must not leave the poll's slots taken.
        }
    }

    private static Histogram<double> CreateJobDuration()
    {
        const string Name = "thirdpartyjobs.worker.job.duration";
        const string Description = "Duration of jobs, from the poll that handed them out to the end of their report.";
#if NET9_0_OR_GREATER
        // Jobs take from a second to hours: the default buckets (made for milliseconds) would put
        // nearly every job in one bucket.
        return ThirdPartyJobsTelemetry.Meter.CreateHistogram<double>(
            Name,
            "s",
            Description,
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 43200] });
#else
        return ThirdPartyJobsTelemetry.Meter.CreateHistogram<double>(Name, "s", Description);
#endif
    }

    /// <summary>Values of <see cref="Outcome"/>.</summary>
    public static class JobOutcomes
    {
        /// <summary>Reported as succeeded.</summary>
        public const string Succeeded = "succeeded";

        /// <summary>Reported as succeeded with a continuation token.</summary>
        public const string Continued = "continued";

        /// <summary>Reported as failed (the handler's failure, an exception, the deadline or shutdown).</summary>
        public const string Failed = "failed";

        /// <summary>Not run, as is normal: another worker owns it, it is not in progress, or the worker is stopping.</summary>
        public const string Skipped = "skipped";

        /// <summary>Not run: no client token was found for its client id.</summary>
        public const string UnknownClient = "unknown_client";

        /// <summary>Not run: getting its details or acknowledging it failed.</summary>
        public const string ClaimFailed = "claim_failed";

        /// <summary>Run, but CodePipeline refused the report (the job was no longer in progress).</summary>
        public const string ReportRejected = "report_rejected";

        /// <summary>Run, but reporting failed on every attempt.</summary>
        public const string ReportFailed = "report_failed";

        /// <summary>The worker itself failed unexpectedly.</summary>
        public const string Error = "error";
    }

    /// <summary>Values of <see cref="PollResult"/>.</summary>
    public static class PollResults
    {
        /// <summary>The poll returned jobs.</summary>
        public const string Jobs = "jobs";

        /// <summary>The poll returned no job.</summary>
        public const string Empty = "empty";

        /// <summary>The poll was still throttled after the client's retries.</summary>
        public const string Throttled = "throttled";

        /// <summary>The poll failed for another reason.</summary>
        public const string Failed = "failed";
    }

    /// <summary>Values of <see cref="SkipReason"/>.</summary>
    public static class SkipReasons
    {
        /// <summary>Another worker acknowledged the job first.</summary>
        public const string InvalidNonce = "invalid_nonce";

        /// <summary>Acknowledging the job did not return <c>InProgress</c>.</summary>
        public const string NotInProgress = "not_in_progress";

        /// <summary>The worker was stopping before the job was claimed.</summary>
        public const string Shutdown = "shutdown";
    }
}
