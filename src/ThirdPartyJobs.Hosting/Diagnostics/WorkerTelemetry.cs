namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// The worker's tag names and their values (the instruments are in <see cref="WorkerMetrics"/>).
/// Dimensions are the worker's name, a job's outcome, skip reason and error type and a poll's
/// result only: a handful of values each, and never a secret.
/// </summary>
internal static class WorkerTelemetry
{
    // Tag names.
    public const string WorkerName = "thirdpartyjobs.worker.name";
    public const string Outcome = "thirdpartyjobs.job.outcome";
    public const string SkipReason = "thirdpartyjobs.job.skip_reason";
    public const string IsContinuation = "thirdpartyjobs.job.is_continuation";
    public const string PollResult = "thirdpartyjobs.poll.result";
    public const string JobId = "codepipeline.job.id";
    public const string ClientId = "codepipeline.client.id";
    public const string AccountId = "codepipeline.account.id";
    public const string ActionTypeOwner = "codepipeline.action_type.owner";
    public const string PipelineName = "codepipeline.pipeline.name";
    public const string StageName = "codepipeline.stage.name";
    public const string ActionName = "codepipeline.action.name";
    public const string ActionExecutionId = "codepipeline.action.execution_id";
    public const string ActionTypeCategory = "codepipeline.action_type.category";
    public const string ActionTypeProvider = "codepipeline.action_type.provider";
    public const string ActionTypeVersion = "codepipeline.action_type.version";
    public const string ErrorType = "error.type";

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

        /// <summary>Not run: the client token provider threw.</summary>
        public const string TokenProviderFailed = "token_provider_failed";

        /// <summary>Not run: getting its details or acknowledging it failed.</summary>
        public const string ClaimFailed = "claim_failed";

        /// <summary>Run, but CodePipeline refused the report (the job was no longer in progress).</summary>
        public const string ReportRejected = "report_rejected";

        /// <summary>Run, but reporting failed on every attempt.</summary>
        public const string ReportFailed = "report_failed";

        /// <summary>Left by a worker that died; reported when the worker started again.</summary>
        public const string Recovered = "recovered";

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

        /// <summary>This worker is claiming or running the job already (handed out twice).</summary>
        public const string AlreadyRunning = "already_running";

        /// <summary>Acknowledging the job did not return <c>InProgress</c>.</summary>
        public const string NotInProgress = "not_in_progress";

        /// <summary>CodePipeline's answer lacked a member the worker needs (job id, client id, nonce or data).</summary>
        public const string Incomplete = "incomplete";

        /// <summary>The worker was stopping before the job was claimed.</summary>
        public const string Shutdown = "shutdown";

        /// <summary>A journal record of the other kind of job, which this worker has no client (or client token) to report.</summary>
        public const string OtherKind = "other_kind";
    }
}
