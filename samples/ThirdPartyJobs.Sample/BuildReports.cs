using System.Collections.Concurrent;

namespace ThirdPartyJobs.Sample;

/// <summary>The demo builds' reports, for printing after the worker has stopped (handlers run concurrently).</summary>
internal sealed class BuildReports
{
    private readonly ConcurrentDictionary<string, BuildReport> _reports = new(StringComparer.Ordinal);

    public void Add(BuildReport report) => _reports[report.JobId] = report;

    public BuildReport? Find(string jobId) => _reports.TryGetValue(jobId, out var report) ? report : null;
}
