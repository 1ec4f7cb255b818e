using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>
/// The third-party operations: jobs are found by id and client token, and the nonce comes with the details
/// (<c>GetThirdPartyJobDetails</c>), not with the poll.
/// </summary>
internal sealed partial class JobStore
{
    public IReadOnlyList<(string ClientId, string JobId)> Poll(ActionTypeKey actionTypeId, int maxBatchSize)
    {
        var firstDispatches = new List<EmulatedJob>();
        List<EmulatedJob> handedOut;
        lock (_gate)
        {
            SweepTimeouts(_time.GetUtcNow());
            var actionType = FindActionType(actionTypeId, custom: false);
            handedOut = Dispatch(actionType, maxBatchSize, filter: null, firstDispatches);
        }

        ArmTimeoutTimers(firstDispatches);
        return handedOut.Select(j => (j.ActionType.ClientId, j.Id)).ToArray();
    }

    public (string DataJson, string Nonce) GetDetails(string jobId, string clientToken)
    {
        lock (_gate)
        {
            var job = FindJob(jobId, clientToken);
            switch (job.State)
            {
                case EmulatedJobState.Dispatched:
                    // Until the job is acknowledged every call issues a fresh nonce; only the latest one is valid.
                    job.Nonce = NewNonce();
                    job.NonceIssuedCount++;
                    return (job.DataJson, job.Nonce);
                case EmulatedJobState.InProgress:
                    // The job is owned: a later caller (another worker that was handed the same job, or the
                    // owner refreshing its credentials) gets a nonce that cannot acknowledge it, so only the
                    // owner's acknowledge stays valid (and idempotent).
                    job.NonceIssuedCount++;
                    return (job.DataJson, NewNonce());
                default:
                    throw AwsErrors.InvalidJob(job.Id, job.State);
            }
        }
    }
}
