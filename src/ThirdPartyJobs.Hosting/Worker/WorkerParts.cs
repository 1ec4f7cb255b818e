using ThirdPartyJobs.Hosting.Sources;

namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>The parts of one started worker.</summary>
internal sealed record WorkerParts(WorkerState State, IJobSource Source, JobRunner Runner, JobRecovery? Recovery, IDisposable? OwnedJournal) : IDisposable
{
    public void Dispose()
    {
        State.Dispose();
        OwnedJournal?.Dispose();
    }
}
