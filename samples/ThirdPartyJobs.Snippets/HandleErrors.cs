#region Snippet:HandleErrors
using ThirdPartyJobs;

static class Claiming
{
    /// <summary>Acknowledges a job; false when another worker has it or it is already done.</summary>
    public static async Task<bool> TryClaimAsync(IThirdPartyJobClient client, JobDetails job, string clientToken, CancellationToken cancellationToken)
    {
        try
        {
            var status = await client.AcknowledgeJobAsync(job.Id!, job.Nonce!, clientToken, cancellationToken);
            return status == JobStatus.InProgress;
        }
        catch (InvalidNonceException)
        {
            return false; // another worker acknowledged it first
        }
        catch (InvalidJobStateException)
        {
            return false; // it already has a result, or timed out
        }
        catch (ThrottledException error)
        {
            Console.Error.WriteLine($"Still throttled after {error.Attempts} attempts (request {error.RequestId}).");
            throw;
        }
    }
}
#endregion
