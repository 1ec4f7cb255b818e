using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.Runtime.Logging;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>
/// Turns every option of the AWS SDK's own logging on (<c>AWSConfigs.LoggingConfig</c>: console and
/// System.Diagnostics, responses always and unlimited in size, metrics in the chosen format) and captures it
/// until disposed: through an adaptor logger (how AWSSDK.Core 4 routes its logging), its trace source and the
/// console. Settings and the console are restored afterwards. (A twin of the Reliability tests' capture, until
/// the shared test utilities exist.)
/// </summary>
internal sealed class SdkLogCapture : IDisposable
{
    private const string Source = "Amazon";
    private readonly LoggingOptions _logTo = AWSConfigs.LoggingConfig.LogTo;
    private readonly ResponseLoggingOption _logResponses = AWSConfigs.LoggingConfig.LogResponses;
    private readonly int _logResponsesSizeLimit = AWSConfigs.LoggingConfig.LogResponsesSizeLimit;
    private readonly bool _logMetrics = AWSConfigs.LoggingConfig.LogMetrics;
    private readonly LogMetricsFormatOption _logMetricsFormat = AWSConfigs.LoggingConfig.LogMetricsFormat;
    private readonly TextWriter _console = Console.Out;
    private readonly StringWriter _consoleCapture = new();
    private readonly Listener _listener = new();
    private readonly CapturingAdaptorFactory _adaptor = new();

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

    /// <summary>Everything the SDK logged: adaptor, trace listener and console.</summary>
    public string AllText => string.Join('\n', [.. _adaptor.Lines, .. _listener.Lines, _consoleCapture.ToString()]);

    /// <summary>How many lines the adaptor and the trace listener captured.</summary>
    public int LineCount => _adaptor.Lines.Count + _listener.Lines.Count;

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
    }

    private sealed class CapturingAdaptorFactory : IAdaptorLoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public string Name => "ThirdPartyJobs.Artifacts.Tests.SdkLogCapture";

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
        public Listener() : base("ThirdPartyJobs.Artifacts.Tests.SdkLogCapture")
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
