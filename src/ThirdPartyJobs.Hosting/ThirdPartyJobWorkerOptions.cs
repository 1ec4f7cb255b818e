using System.ComponentModel.DataAnnotations;

namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Settings of one job worker (named options: the worker's name). Validated when the host
/// starts; the error names the worker and each bad setting.
/// </summary>
public sealed class ThirdPartyJobWorkerOptions
{
    /// <summary>The action type this worker polls for. Required.</summary>
    [Required(ErrorMessage = "ActionTypeId is required: set the action type (category, owner, provider, version) this worker polls for.")]
    public ActionTypeId? ActionTypeId { get; set; }

    /// <summary>
    /// Custom actions only (<c>ActionTypeId.Owner</c> <c>Custom</c>): the queryable configuration
    /// property and the value a job must have to be handed to this worker, sent as <c>PollForJobs</c>'
    /// <c>queryParam</c>. Required by CodePipeline when the action type has a queryable property.
    /// At most one entry: key 1–50 characters, value 1–50 of <c>[a-zA-Z0-9_-]</c>. Empty by default.
    /// </summary>
    public IDictionary<string, string> QueryParam { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The most jobs handled at once; polls ask only for free slots. Default 8.</summary>
    [Range(1, 1000)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The shortest wait after an empty, throttled or failed poll. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls; the backoff doubles up to it, with jitter. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The action type's job timeout in CodePipeline (60 s–12 h). Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before <see cref="JobTimeout"/> the handler's token is cancelled, to leave time to report. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan TimeoutSafetyMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long running jobs may go on after shutdown starts before their handlers are cancelled
    /// and their results reported. Keep it, plus a few seconds to report, below the host's
    /// <c>HostOptions.ShutdownTimeout</c> (30 s by default). Default 20 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Artifact credentials older than this are fetched again by <see cref="JobContext.GetArtifactCredentialsAsync"/>. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan CredentialsRefreshAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts to report a job's result, each with the client's own retries inside. Default 5.</summary>
    [Range(1, 20)]
    public int MaxReportAttempts { get; set; } = 5;

    /// <summary>The wait before the second report attempt; later ones double it (with jitter, at most 1 min). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReportRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Keep a crash-recovery journal: each acknowledged job is recorded before its handler runs
    /// and reported at the next start if the process dies first. Default true.
    /// </summary>
    public bool EnableJournal { get; set; } = true;

    /// <summary>
    /// Where the default file journal keeps its records (a folder per worker and instance). Unset:
    /// the configuration key <c>ThirdPartyJobs:Worker:&lt;name&gt;:JournalDirectory</c>, else
    /// <c>&lt;temp&gt;/thirdpartyjobs/journal</c>. Put it on a volume that outlives the process (and the
    /// container). Ignored when an <see cref="IJobJournal"/> is registered for the worker.
    /// </summary>
    public string? JournalDirectory { get; set; }

    /// <summary>
    /// Client tokens by client id, for setups without an <see cref="IClientTokenProvider"/>
    /// (bindable from configuration; keep the values in a secret store). Secret: the values are
    /// write-only — read one with the indexer or <c>TryGetValue</c>; enumerating, serializing
    /// (System.Text.Json, Newtonsoft.Json), dumping or printing the options shows <c>***</c> instead.
    /// </summary>
    public IDictionary<string, string> ClientTokens { get; } = new ClientTokens.ClientTokenDictionary();

    /// <summary>
    /// Append a handler exception's message to the failure message CodePipeline shows the
    /// pipeline's users. Off by default: exception messages may carry secrets.
    /// </summary>
    public bool IncludeExceptionMessageInFailureReport { get; set; }

    /// <summary>
    /// Log handler exceptions in full (message included). Off by default: the log then carries
    /// the exception's type and stack trace only, since messages may carry secrets.
    /// </summary>
    public bool LogHandlerExceptionMessages { get; set; }
}
