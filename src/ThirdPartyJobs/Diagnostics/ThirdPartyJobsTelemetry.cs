using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThirdPartyJobs.Diagnostics;

/// <summary>
/// The client's traces and metrics, published under the name <c>ThirdPartyJobs</c> (documented; for OpenTelemetry:
/// <c>.AddSource("ThirdPartyJobs")</c> and <c>.AddMeter("ThirdPartyJobs")</c>). Tags carry operation names, job ids,
/// pipeline/stage/action names, error codes and outcomes — never a secret.
/// </summary>
internal static class ThirdPartyJobsTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> (one client span per CodePipeline call; the worker adds one span per job under the same name) and the <see cref="Meter"/>.</summary>
    public const string Name = "ThirdPartyJobs";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(ThirdPartyJobsTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(ThirdPartyJobsTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>CodePipeline calls made by the client (one per logical call, retries included), tagged with <c>rpc.method</c> and <c>outcome</c>/<c>error.type</c>.</summary>
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("thirdpartyjobs.client.calls", "{call}", "CodePipeline calls made by the client.");

    /// <summary>Duration of a logical call including retries.</summary>
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("thirdpartyjobs.client.call.duration", "s", "Duration of CodePipeline calls, retries included.");

    /// <summary>Retries (attempts after the first), tagged with <c>rpc.method</c> and <c>error.type</c>.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("thirdpartyjobs.client.retries", "{retry}", "Retried CodePipeline attempts.");

    /// <summary>Attempts answered with throttling.</summary>
    internal static readonly Counter<long> Throttles = Meter.CreateCounter<long>("thirdpartyjobs.client.throttles", "{attempt}", "CodePipeline attempts that were throttled.");

    /// <summary>Calls that failed in the end, tagged with <c>rpc.method</c> and <c>error.type</c> (the service error code or exception type).</summary>
    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>("thirdpartyjobs.client.errors", "{call}", "CodePipeline calls that failed.");

    // Semantic-convention tag names.
    internal const string RpcSystem = "rpc.system";
    internal const string RpcService = "rpc.service";
    internal const string RpcMethod = "rpc.method";
    internal const string AwsRequestId = "aws.request_id";
    internal const string ErrorType = "error.type";
    internal const string Outcome = "outcome";
    internal const string Attempts = "thirdpartyjobs.attempts";
    internal const string JobId = "codepipeline.job.id";
}
