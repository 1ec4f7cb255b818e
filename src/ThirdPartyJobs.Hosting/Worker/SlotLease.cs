namespace ThirdPartyJobs.Hosting.Worker;

/// <summary>One concurrency slot a job holds; released once, whoever releases it.</summary>
internal sealed class SlotLease(SemaphoreSlim slots)
{
    private int _released;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            slots.Release();
        }
    }

    /// <summary>Hands the slot to a new lease (a detached handler that keeps it): releasing this one no longer frees it.</summary>
    public SlotLease Transfer()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            throw new InvalidOperationException("The slot was released already.");
        }

        return new SlotLease(slots);
    }
}
