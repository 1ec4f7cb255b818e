using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.Runtime.Logging;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Turns every option of the AWS SDK's own logging on (<c>AWSConfigs.LoggingConfig</c>: console and
/// System.Diagnostics, responses always and unlimited in size, metrics in the chosen format) and
/// captures it until disposed: through an adaptor logger registered with the SDK (how AWSSDK.Core 4
/// routes all its logging), its trace source and the console. SDK clients created meanwhile log
/// here; settings and the console are restored afterwards. Not thread-safe across tests: the SDK's
/// settings are global, so tests using it are <c>[NonParallelizable]</c>.
/// </summary>
public sealed class SdkLogCapture : IDisposable
{
    private const string Source = "Amazon";
    private const string Name = "ThirdPartyJobs.TestUtilities.SdkLogCapture";
    private readonly LoggingOptions _logTo = AWSConfigs.LoggingConfig.LogTo;
    private readonly ResponseLoggingOption _logResponses = AWSConfigs.LoggingConfig.LogResponses;
    private readonly int _logResponsesSizeLimit = AWSConfigs.LoggingConfig.LogResponsesSizeLimit;
    private readonly bool _logMetrics = AWSConfigs.LoggingConfig.LogMetrics;
    private readonly LogMetricsFormatOption _logMetricsFormat = AWSConfigs.LoggingConfig.LogMetricsFormat;
    private readonly TextWriter _console = Console.Out;
    private readonly StringWriter _consoleCapture = new(CultureInfo.InvariantCulture);
    private readonly Listener _listener = new();
    private readonly CapturingAdaptorFactory _adaptor = new();

    /// <summary>Turns the SDK's logging fully on, with request metrics in <paramref name="metricsFormat"/>.</summary>
    public SdkLogCapture(LogMetricsFormatOption metricsFormat = LogMetricsFormatOption.Standard)
    {
        AdaptorLoggerFactoryRegistry.RegisterAdaptorLoggerFactory(_adaptor);
        AWSConfigs.AddTraceListener(Source, _listener);
        AWSConfigs.LoggingConfig.LogTo = LoggingOptions.SystemDiagnostics | LoggingOptions.Console;
        AWSConfigs.LoggingConfig.LogResponses = ResponseLoggingOption.Always;
        AWSConfigs.LoggingConfig.LogResponsesSizeLimit = int.MaxValue;
        AWSConfigs.LoggingConfig.LogMetrics = true;
        AWSConfigs.LoggingConfig.LogMetricsFormat = metricsFormat;
        Console.SetOut(TextWriter.Synchronized(_consoleCapture));
    }

    /// <summary>What the SDK logged, at every level, through the adaptor and the trace listener.</summary>
    public IReadOnlyCollection<string> Lines => [.. _adaptor.Lines, .. _listener.Lines];

    /// <summary>How many lines the adaptor and the trace listener captured.</summary>
    public int LineCount => _adaptor.Lines.Count + _listener.Lines.Count;

    /// <summary>What was written to the console meanwhile (the SDK's console logging).</summary>
    public string ConsoleText => _consoleCapture.ToString();

    /// <summary>Everything the SDK logged: adaptor, trace listener and console.</summary>
    public string AllText => string.Join('\n', [.. Lines, ConsoleText]);

    /// <inheritdoc />
    public void Dispose()
    {
        Console.SetOut(_console);
        AWSConfigs.LoggingConfig.LogTo = _logTo;
        AWSConfigs.LoggingConfig.LogResponses = _logResponses;
        AWSConfigs.LoggingConfig.LogResponsesSizeLimit = _logResponsesSizeLimit;
        AWSConfigs.LoggingConfig.LogMetrics = _logMetrics;
        AWSConfigs.LoggingConfig.LogMetricsFormat = _logMetricsFormat;
        AWSConfigs.RemoveTraceListener(Source, _listener.Name);
        AdaptorLoggerFactoryRegistry.DeregisterAdaptorLoggerFactory(_adaptor.Name);
        _listener.Dispose();
        _consoleCapture.Dispose();
    }

    private sealed class CapturingAdaptorFactory : IAdaptorLoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public string Name => SdkLogCapture.Name;

        public IAdaptorLogger CreateAdaptorLogger(Type type) => new Adaptor(this, type);

        private sealed class Adaptor(CapturingAdaptorFactory owner, Type type) : IAdaptorLogger
        {
            public bool IsEnabled(SdkLogLevel level) => true;

            public void Log(SdkLogLevel level, string message, Exception ex, object[] parameters)
            {
                var text = parameters is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, parameters) : message;
                owner.Lines.Enqueue($"{level} {type.FullName}: {text}{(ex is null ? "" : " --> " + ex)}");
            }
        }
    }

    private sealed class Listener : TraceListener
    {
        public Listener() : base(SdkLogCapture.Name)
        {
        }

        public ConcurrentQueue<string> Lines { get; } = new();

        public override void Write(string? message) => Lines.Enqueue(message ?? "");

        public override void WriteLine(string? message) => Lines.Enqueue(message ?? "");

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message) =>
            Lines.Enqueue($"{source} {eventType}: {message}");

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args) =>
            Lines.Enqueue($"{source} {eventType}: " + (args is null || format is null ? format : string.Format(CultureInfo.InvariantCulture, format, args)));

        public override void TraceData(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, object? data) =>
            Lines.Enqueue($"{source} {eventType}: {data}");
    }
}
