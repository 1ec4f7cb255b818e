namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>
/// The source for each kind of job a worker may meet in its journal: its own, and the other kind's
/// when the host has that kind's client (built on first need: a journal rarely holds the other kind).
/// </summary>
/// <param name="own">The source of the worker's own action type.</param>
/// <param name="otherKind">Builds the other kind's source; null when this host cannot report that kind.</param>
internal sealed class JobSources(IJobSource own, Func<IJobSource?> otherKind)
{
    private readonly Lazy<IJobSource?> _otherKind = new(otherKind);

    /// <summary>The worker's own source.</summary>
    public IJobSource Own => own;

    /// <summary>The source that reports jobs of <paramref name="kind"/> (a journal record's kind); null when this worker has none.</summary>
    public IJobSource? For(string kind) =>
        string.Equals(kind, own.Kind, StringComparison.Ordinal) ? own
            : _otherKind.Value is { } other && string.Equals(kind, other.Kind, StringComparison.Ordinal) ? other
            : null;
}
