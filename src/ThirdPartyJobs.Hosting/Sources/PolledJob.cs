namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>A job as a poll handed it out, before it is claimed.</summary>
/// <param name="JobId">The job's id (empty when CodePipeline left it out: the claim skips the job).</param>
/// <param name="ClientId">The partner's customer (third-party jobs); the account id for custom ones (empty when left out).</param>
internal sealed record PolledJob(string JobId, string ClientId)
{
    /// <summary>The nonce to acknowledge with, when the poll carries it (custom jobs).</summary>
    public string? Nonce { get; init; }

    /// <summary>The job's data, when the poll carries it (custom jobs). Holds secrets: never printed (see <see cref="ToString"/>).</summary>
    public JobData? Data { get; init; }

    /// <summary>Names the job only: the data holds configuration values and credentials.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"PolledJob {{ JobId = {JobId} }}";
}
