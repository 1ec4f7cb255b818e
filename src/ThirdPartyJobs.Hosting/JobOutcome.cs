namespace ThirdPartyJobs.Hosting;

/// <summary>
/// What a handler tells the worker to report for a job. Create one with
/// <see cref="Succeeded"/>, <see cref="ContinueLater"/> or <see cref="Failed"/>; the arguments
/// are checked against CodePipeline's limits there, so a bad outcome fails in the handler
/// rather than at reporting time.
/// </summary>
public sealed class JobOutcome
{
    // Built only by the factories below, which check the values first.
    private JobOutcome()
    {
    }

    /// <summary>Which kind of outcome this is.</summary>
    public JobOutcomeKind Kind { get; private init; }

    /// <summary>The revision a successful job worked on, if any.</summary>
    public CurrentRevision? CurrentRevision { get; private init; }

    /// <summary>What the job did (summary, external id, progress), shown in the CodePipeline console; for <see cref="JobOutcomeKind.Succeeded"/> and <see cref="JobOutcomeKind.ContinueLater"/>.</summary>
    public ExecutionDetails? ExecutionDetails { get; private init; }

    /// <summary>For <see cref="JobOutcomeKind.ContinueLater"/>: the token the follow-up job carries in <see cref="JobContext.ContinuationToken"/>.</summary>
    public string? ContinuationToken { get; private init; }

    /// <summary>
    /// For <see cref="JobOutcomeKind.Succeeded"/>: the output variables for downstream actions
    /// (custom actions only; null when none were given).
    /// </summary>
    public IReadOnlyDictionary<string, string>? OutputVariables { get; private init; }

    /// <summary>For <see cref="JobOutcomeKind.Failed"/>: the failure to report.</summary>
    public FailureDetails? Failure { get; private init; }

    /// <summary>The job is done.</summary>
    /// <param name="currentRevision">The revision the job worked on, if any.</param>
    /// <param name="executionDetails">What the job did, shown to the pipeline's users. No secrets.</param>
    /// <param name="outputVariables">
    /// Variables for downstream actions (<c>#{Namespace.Key}</c> in their configuration); keys of
    /// <c>[A-Za-z0-9@-_]</c>. Custom actions only: a third-party job cannot set them, and the worker
    /// reports such an outcome as a failure (log event 2036). Not secret: the pipeline's users can
    /// read them. A job that continues later (<see cref="ContinueLater"/>) sets them in its last job.
    /// </param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">A value breaks CodePipeline's limits (lengths, percentage, an output variable's key).</exception>
    public static JobOutcome Succeeded(CurrentRevision? currentRevision = null, ExecutionDetails? executionDetails = null, IReadOnlyDictionary<string, string>? outputVariables = null)
    {
        OutcomeRules.CurrentRevision(currentRevision);
        OutcomeRules.ExecutionDetails(executionDetails);
        return new() { Kind = JobOutcomeKind.Succeeded, CurrentRevision = currentRevision, ExecutionDetails = executionDetails, OutputVariables = OutcomeRules.OutputVariables(outputVariables) };
    }

    /// <summary>
    /// The job is not done: report success with <paramref name="continuationToken"/>, and
    /// CodePipeline issues a follow-up job carrying it (<see cref="JobContext.ContinuationToken"/>).
    /// There is no way to add output variables here: CodePipeline accepts them only without a
    /// continuation token, so the last job of the action sets them with <see cref="Succeeded"/>.
    /// </summary>
    /// <param name="continuationToken">Where to resume (1–2048 characters).</param>
    /// <param name="executionDetails">Progress so far (e.g. <see cref="ThirdPartyJobs.ExecutionDetails.PercentComplete"/>), shown to the pipeline's users. No secrets.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">A value breaks CodePipeline's limits.</exception>
    public static JobOutcome ContinueLater(string continuationToken, ExecutionDetails? executionDetails = null)
    {
        OutcomeRules.Text(continuationToken, 1, 2048, nameof(continuationToken));
        OutcomeRules.ExecutionDetails(executionDetails);
        return new() { Kind = JobOutcomeKind.ContinueLater, ExecutionDetails = executionDetails, ContinuationToken = continuationToken };
    }

    /// <summary>The job failed.</summary>
    /// <param name="type">The kind of failure, e.g. <see cref="FailureType.ConfigurationError"/>.</param>
    /// <param name="message">A message for the pipeline's users (1–5000 characters). No secrets.</param>
    /// <param name="externalExecutionId">The partner system's id for the run, if any (1–1500 characters).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">A value breaks CodePipeline's limits.</exception>
    public static JobOutcome Failed(FailureType type, string message, string? externalExecutionId = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        OutcomeRules.Text(message, 1, 5000, nameof(message));
        OutcomeRules.OptionalText(externalExecutionId, 1, 1500, nameof(externalExecutionId));
        return new() { Kind = JobOutcomeKind.Failed, Failure = new FailureDetails(type, message, externalExecutionId) };
    }

    /// <summary>Describes the outcome without the continuation token, messages or variable values: <c>JobOutcome { Kind = Failed, FailureType = JobFailed }</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Failure is { } failure ? $"JobOutcome {{ Kind = {Kind}, FailureType = {failure.Type} }}"
        : OutputVariables is { } variables ? $"JobOutcome {{ Kind = {Kind}, OutputVariables = {variables.Count} }}"
        : $"JobOutcome {{ Kind = {Kind} }}";
}
