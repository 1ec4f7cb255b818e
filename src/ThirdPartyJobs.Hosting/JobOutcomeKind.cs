namespace ThirdPartyJobs.Hosting;

/// <summary>The kinds of <see cref="JobOutcome"/>.</summary>
public enum JobOutcomeKind
{
    /// <summary>The job is done; reported as a success.</summary>
    Succeeded,

    /// <summary>The job is not done yet; reported as a success with a continuation token, so CodePipeline issues a follow-up job.</summary>
    ContinueLater,

    /// <summary>The job failed; reported as a failure.</summary>
    Failed,
}
