using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>
/// The custom-action operations (<c>PollForJobs</c>, <c>AcknowledgeJob</c>, <c>GetJobDetails</c>,
/// <c>PutJobSuccessResult</c>, <c>PutJobFailureResult</c>): no client token (the caller's signature is the
/// authority), the job data and a fresh nonce come with the poll, and success results may carry output variables.
/// </summary>
internal sealed partial class JobStore
{
    /// <summary>
    /// The most bytes (UTF-8, names and values together) of output variables one result may carry: CodePipeline's
    /// documented quota for the output variables of an action.
    /// </summary>
    public const int MaxOutputVariablesBytes = 122_880;

    public IReadOnlyList<CustomJob> PollForJobs(ActionTypeKey actionTypeId, int maxBatchSize, IReadOnlyDictionary<string, string>? queryParam)
    {
        var firstDispatches = new List<EmulatedJob>();
        var handedOut = new List<CustomJob>();
        lock (_gate)
        {
            SweepTimeouts(_time.GetUtcNow());
            var actionType = FindActionType(actionTypeId, custom: true);
            var filter = QueryFilter(actionType, queryParam);
            foreach (var job in Dispatch(actionType, maxBatchSize, filter, firstDispatches))
            {
                // Every dispatch issues a fresh nonce; only the latest one acknowledges.
                job.Nonce = NewNonce();
                job.NonceIssuedCount++;
                handedOut.Add(new CustomJob(job.Id, job.DataJson, job.Nonce, _accountId));
            }
        }

        ArmTimeoutTimers(firstDispatches);
        return handedOut;
    }

    /// <summary>A custom job's data in any state (workers renew artifact credentials with it).</summary>
    public CustomJob GetJobDetails(string jobId)
    {
        lock (_gate)
        {
            var job = FindJob(jobId, clientToken: null);
            return new CustomJob(job.Id, job.DataJson, Nonce: null, _accountId);
        }
    }

    /// <summary>
    /// The model: "For an action type with no queryable properties, this value must be null or an empty map. For an
    /// action type with a queryable property, you must supply that property as a key in the map. Only jobs whose
    /// action configuration matches the mapped value are returned." Anything else is a ValidationException.
    /// </summary>
    private static Func<EmulatedJob, bool>? QueryFilter(RegisteredActionType actionType, IReadOnlyDictionary<string, string>? queryParam)
    {
        if (actionType.QueryableProperty is not { } property)
        {
            return queryParam is null or { Count: 0 }
                ? null
                : throw AwsErrors.Validation([$"The action type {actionType.Category}/{actionType.Owner}/{actionType.Provider}/{actionType.Version} has no queryable property; queryParam must be null or empty."]);
        }

        if (queryParam is null || !queryParam.TryGetValue(property, out var wanted))
        {
            throw AwsErrors.Validation([$"The action type has the queryable property '{property}'; queryParam must name it."]);
        }

        return job => string.Equals(JobData.ConfigurationValue(job.DataJson, property), wanted, StringComparison.Ordinal);
    }
}
