using System.Diagnostics;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Metric = OpenTelemetry.Metrics.Metric;
using OpenTelemetry.Trace;
using ThirdPartyJobs.Diagnostics;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Tests.Diagnostics;

/// <summary>Spans and metrics, captured with OpenTelemetry's in-memory exporter, from real calls to the local endpoint.</summary>
[NonParallelizable] // The ActivitySource and Meter are process-wide; other tests' calls would be captured too.
public sealed class TelemetryTests
{
    private const string ConfigurationCanary = "CANARY-CONFIG-VALUE-telemetry-7f3a";
    private const string SecretKeyCanary = "CANARY-SECRET-KEY-telemetry-91bd";
    private const string SessionTokenCanary = "CANARY-SESSION-TOKEN-telemetry-44c1";

    private CodePipelineEmulator _emulator = null!;
    private RegisteredActionType _actionType = null!;
    private IThirdPartyJobClient _client = null!;
    private List<Activity> _spans = null!;
    private List<Metric> _metrics = null!;
    private TracerProvider _tracing = null!;
    private MeterProvider _meters = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await CodePipelineEmulator.StartAsync();
        _actionType = _emulator.RegisterActionType("Build", "ThirdParty", "Telemetry", "1");
        _client = ThirdPartyJobClient.Create(
            new AWSOptions
            {
                Credentials = new BasicAWSCredentials(_emulator.Credential.AccessKeyId, _emulator.Credential.SecretAccessKey),
                DefaultClientConfig = { ServiceURL = _emulator.ServiceUrl, AuthenticationRegion = _emulator.Region },
            },
            new ThirdPartyJobsOptions { Retry = { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false } });
        _spans = [];
        _metrics = [];
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(ThirdPartyJobsTelemetry.Name).AddInMemoryExporter(_spans).Build();
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(ThirdPartyJobsTelemetry.Name).AddInMemoryExporter(_metrics).Build();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _tracing.Dispose();
        _meters.Dispose();
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task A_throttled_then_successful_call_has_one_client_span_with_attempts_and_request_id()
    {
        var jobId = await DispatchJobAsync();
        _emulator.Faults.ThrottleNext(CodePipelineOperation.GetThirdPartyJobDetails, 2);

        await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken);
        _tracing.ForceFlush();

        var span = _spans.Single(s => s.DisplayName == "CodePipeline/GetThirdPartyJobDetails");
        Assert.Multiple(() =>
        {
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.GetTagItem("rpc.system"), Is.EqualTo("aws-api"));
            Assert.That(span.GetTagItem("rpc.service"), Is.EqualTo("CodePipeline"));
            Assert.That(span.GetTagItem("rpc.method"), Is.EqualTo("GetThirdPartyJobDetails"));
            Assert.That(span.GetTagItem("codepipeline.job.id"), Is.EqualTo(jobId));
            Assert.That(span.GetTagItem("thirdpartyjobs.attempts"), Is.EqualTo(3));
            Assert.That(span.GetTagItem("aws.request_id"), Is.Not.Null.And.Not.Empty);
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
        });
    }

    [Test]
    public async Task A_failed_call_marks_its_span_and_counts_the_error_by_code()
    {
        Assert.ThrowsAsync<JobNotFoundException>(() => _client.GetJobDetailsAsync("no-such-job", _actionType.ClientToken));
        _tracing.ForceFlush();
        _meters.ForceFlush();

        var span = _spans.Single(s => s.DisplayName == "CodePipeline/GetThirdPartyJobDetails");
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.GetTagItem("error.type"), Is.EqualTo("JobNotFoundException"));
            Assert.That(Sum("thirdpartyjobs.client.errors", ("error.type", "JobNotFoundException")), Is.EqualTo(1));
            Assert.That(Sum("thirdpartyjobs.client.calls", ("outcome", "failure")), Is.EqualTo(1));
        });
        await Task.CompletedTask;
    }

    [Test]
    public async Task Retries_throttles_and_calls_are_counted()
    {
        var jobId = await DispatchJobAsync();
        _emulator.Faults.ThrottleNext(CodePipelineOperation.GetThirdPartyJobDetails, 2);
        _emulator.Faults.FailNext(CodePipelineOperation.GetThirdPartyJobDetails, 1, 503);

        await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken);
        _meters.ForceFlush();

        Assert.Multiple(() =>
        {
            Assert.That(Sum("thirdpartyjobs.client.retries", ("rpc.method", "GetThirdPartyJobDetails")), Is.EqualTo(3));
            Assert.That(Sum("thirdpartyjobs.client.throttles", ("rpc.method", "GetThirdPartyJobDetails")), Is.EqualTo(2));
            Assert.That(Sum("thirdpartyjobs.client.calls", ("rpc.method", "GetThirdPartyJobDetails"), ("outcome", "success")), Is.EqualTo(1));
            Assert.That(Sum("thirdpartyjobs.client.calls", ("rpc.method", "PollForThirdPartyJobs"), ("outcome", "success")), Is.EqualTo(1));
            Assert.That(_metrics.Any(m => m.Name == "thirdpartyjobs.client.call.duration"), Is.True);
        });
    }

    [Test]
    public async Task No_secret_appears_in_any_span_tag_event_or_metric_dimension()
    {
        var jobId = await DispatchJobAsync();
        _emulator.Faults.ThrottleNext(CodePipelineOperation.AcknowledgeThirdPartyJob, 1);
        var job = (await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken))!;
        await _client.AcknowledgeJobAsync(jobId, job.Nonce!, _actionType.ClientToken);
        await _client.PutJobFailureResultAsync(jobId, _actionType.ClientToken, new FailureDetails(FailureType.JobFailed, "failed on purpose"));
        Assert.ThrowsAsync<InvalidJobStateException>(() => _client.PutJobSuccessResultAsync(jobId, _actionType.ClientToken));
        _tracing.ForceFlush();
        _meters.ForceFlush();

        var secrets = new[] { _actionType.ClientToken, ConfigurationCanary, SecretKeyCanary, SessionTokenCanary, job.Nonce! };
        var recorded = _spans
            .SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
                .Append(s.DisplayName)
                .Append(s.StatusDescription ?? string.Empty))
            .Concat(_metrics.SelectMany(MetricDimensions))
            .ToList();

        Assert.That(recorded, Is.Not.Empty);
        foreach (var secret in secrets)
        {
            Assert.That(recorded.Where(r => r.Contains(secret, StringComparison.Ordinal)), Is.Empty, "a secret was recorded in telemetry");
        }
    }

    private async Task<string> DispatchJobAsync()
    {
        var jobId = _emulator.CreateJob(_actionType, new JobSpec
        {
            Configuration = new Dictionary<string, string> { ["ApiKey"] = ConfigurationCanary },
            ArtifactCredentials = new EmulatorCredential("ASIACANARYACCESSKEY1", SecretKeyCanary, SessionTokenCanary),
        });
        var jobs = await _client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "Telemetry", "1"), 1);
        Assert.That(jobs.Single().JobId, Is.EqualTo(jobId));
        return jobId;
    }

    private long Sum(string metricName, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in _metrics.Where(m => m.Name == metricName))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
                {
                    total += point.GetSumLong();
                }
            }
        }

        return total;
    }

    private static IEnumerable<string> MetricDimensions(Metric metric)
    {
        var dimensions = new List<string> { metric.Name };
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                dimensions.Add($"{metric.Name}:{tag.Key}={tag.Value}");
            }
        }

        return dimensions;
    }
}
