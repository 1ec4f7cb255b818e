using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// The library's spans and metrics, captured with OpenTelemetry's in-memory exporters as an
/// application would subscribe (<c>AddSource</c>/<c>AddMeter</c> with the library's names). The
/// source and meter are process-wide: fixtures using this must be <c>[NonParallelizable]</c>,
/// and read spans only once the worker has stopped.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    /// <summary>A source of the test's own, to play a host's ambient span.</summary>
    public const string TestSourceName = "ThirdPartyJobs.Hosting.Tests";

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(HostingTelemetry.Name, TestSourceName).AddInMemoryExporter(_spans).Build()!;
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(HostingTelemetry.Name).AddInMemoryExporter(_metrics).Build()!;
    }

    public static ActivitySource TestSource { get; } = new(TestSourceName);

    /// <summary>Ended spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            _tracing.ForceFlush();
            return _spans.ToArray();
        }
    }

    public IReadOnlyList<Activity> JobSpans(string workerName) =>
        Spans.Where(s => s.Kind == ActivityKind.Consumer && Equals(s.GetTagItem("thirdpartyjobs.worker.name"), workerName)).ToList();

    /// <summary>Collects the metrics now (cumulative since this capture started).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _meters.ForceFlush();
            return _metrics.ToArray();
        }
    }

    /// <summary>The sum of a counter's (or up-down counter's) points that carry every tag given.</summary>
    public long Sum(string metricName, params (string Key, object Value)[] tags) =>
        Points(metricName, tags).Sum(point => point.GetSumLong());

    /// <summary>How many values a histogram's points that carry every tag given recorded, and their sum.</summary>
    public (long Count, double Sum) Histogram(string metricName, params (string Key, object Value)[] tags)
    {
        var points = Points(metricName, tags).ToList();
        return (points.Sum(point => point.GetHistogramCount()), points.Sum(point => point.GetHistogramSum()));
    }

    /// <summary>Every name, tag, event, status description and metric dimension recorded, as text, for secret sweeps.</summary>
    public IReadOnlyList<string> AllRecordedText() =>
        Spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName}: {t.Key}={t.Value}")
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{s.DisplayName}: event {e.Name}: {t.Key}={t.Value}").Append(e.Name)))
                .Concat(s.Links.SelectMany(l => l.Tags?.Select(t => $"{s.DisplayName}: link {t.Key}={t.Value}") ?? []))
                .Concat(s.Baggage.Select(b => $"{s.DisplayName}: baggage {b.Key}={b.Value}"))
                .Append(s.DisplayName)
                .Append(s.StatusDescription ?? string.Empty))
            .Concat(Metrics().SelectMany(Dimensions))
            .ToList();

    public void Dispose()
    {
        _tracing.Dispose();
        _meters.Dispose();
    }

    private IEnumerable<MetricPoint> Points(string metricName, (string Key, object Value)[] tags)
    {
        foreach (var metric in Metrics().Where(m => m.Name == metricName))
        {
            foreach (var point in metric.MetricPoints)
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
                {
                    yield return point;
                }
            }
        }
    }

    private static IEnumerable<string> Dimensions(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{metric.Name}: {tag.Key}={tag.Value}";
            }
        }
    }
}
