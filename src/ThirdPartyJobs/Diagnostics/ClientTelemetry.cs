using System.Diagnostics;
using static ThirdPartyJobs.Diagnostics.ThirdPartyJobsTelemetry;

namespace ThirdPartyJobs.Diagnostics;

/// <summary>Records the client's spans and metrics. Tags are operation names, job ids, request ids, error codes and counts only.</summary>
internal static class ClientTelemetry
{
    public static Activity? StartCall(string operation, string? jobId)
    {
        var activity = ThirdPartyJobsTelemetry.ActivitySource.StartActivity("CodePipeline/" + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RpcSystem, "aws-api");
            activity.SetTag(RpcService, "CodePipeline");
            activity.SetTag(RpcMethod, operation);
            if (jobId is not null)
            {
                activity.SetTag(JobId, jobId);
            }
        }

        return activity;
    }

    public static void RecordRetry(string operation)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(RpcMethod, operation));
        }
    }

    public static void RecordThrottle(string operation)
    {
        if (Throttles.Enabled)
        {
            Throttles.Add(1, new KeyValuePair<string, object?>(RpcMethod, operation));
        }
    }

    public static void RecordSuccess(Activity? activity, string operation, string? requestId, int attempts, TimeSpan elapsed)
    {
        activity?.SetTag(AwsRequestId, requestId);
        activity?.SetTag(Attempts, attempts);
        Calls.Add(1, new KeyValuePair<string, object?>(RpcMethod, operation), new KeyValuePair<string, object?>(Outcome, "success"));
        CallDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(RpcMethod, operation), new KeyValuePair<string, object?>(Outcome, "success"));
    }

    public static void RecordFailure(Activity? activity, string operation, Exception error, int attempts, TimeSpan elapsed)
    {
        var errorType = error is ThirdPartyJobException { ErrorCode: { } code } ? code : error.GetType().Name;
        var outcome = error is OperationCanceledException ? "cancelled" : "failure";
        if (activity is not null)
        {
            activity.SetTag(Attempts, attempts);
            activity.SetTag(ErrorType, errorType);
            if (error is ThirdPartyJobException { RequestId: { } requestId })
            {
                activity.SetTag(AwsRequestId, requestId);
            }

            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }

        Calls.Add(1, new KeyValuePair<string, object?>(RpcMethod, operation), new KeyValuePair<string, object?>(Outcome, outcome));
        CallDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(RpcMethod, operation), new KeyValuePair<string, object?>(Outcome, outcome));
        if (outcome == "failure")
        {
            Errors.Add(1, new KeyValuePair<string, object?>(RpcMethod, operation), new KeyValuePair<string, object?>(ErrorType, errorType));
        }
    }
}
