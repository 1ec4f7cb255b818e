using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.Runtime.Logging;

namespace ThirdPartyJobs.Reliability.Tests.Secrets;

/// <summary>
/// Turns the AWS SDK's own logging fully on (every level, responses always, metrics) and captures
/// it, until disposed: through an adaptor logger registered with the SDK (how AWSSDK.Core 4 routes
/// all its logging), its System.Diagnostics trace source and the console. SDK clients created
/// meanwhile log here; settings and the console are restored afterwards.
/// </summary>
internal sealed class SdkLogCapture : IDisposable
{
    private const string Source = "Amazon";
    private readonly LoggingOptions _logTo = AWSConfigs.LoggingConfig.LogTo;
    private readonly ResponseLoggingOption _logResponses = AWSConfigs.LoggingConfig.LogResponses;
    private readonly bool _logMetrics = AWSConfigs.LoggingConfig.LogMetrics;
    private readonly TextWriter _console = Console.Out;
    private readonly StringWriter _consoleCapture = new();
    private readonly Listener _listener = new();
    private readonly CapturingAdaptorFactory _adaptor = new();

    public SdkLogCapture()
    {
        AdaptorLoggerFactoryRegistry.RegisterAdaptorLoggerFactory(_adaptor);
        AWSConfigs.AddTraceListener(Source, _listener);
        AWSConfigs.LoggingConfig.LogTo = LoggingOptions.SystemDiagnostics | LoggingOptions.Console;
        AWSConfigs.LoggingConfig.LogResponses = ResponseLoggingOption.Always;
        AWSConfigs.LoggingConfig.LogMetrics = true;
        Console.SetOut(TextWriter.Synchronized(_consoleCapture));
    }

    /// <summary>What the SDK logged, at every level, through the adaptor and the trace listener.</summary>
    public IReadOnlyCollection<string> Lines => [.. _adaptor.Lines, .. _listener.Lines];

    /// <summary>What was written to the console meanwhile (the SDK's console logging).</summary>
    public string ConsoleText => _consoleCapture.ToString();

    public void Dispose()
    {
        Console.SetOut(_console);
        AWSConfigs.LoggingConfig.LogTo = _logTo;
        AWSConfigs.LoggingConfig.LogResponses = _logResponses;
        AWSConfigs.LoggingConfig.LogMetrics = _logMetrics;
        AWSConfigs.RemoveTraceListener(Source, _listener.Name);
        AdaptorLoggerFactoryRegistry.DeregisterAdaptorLoggerFactory(_adaptor.Name);
        _listener.Dispose();
    }

    private sealed class CapturingAdaptorFactory : IAdaptorLoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public string Name => "ThirdPartyJobs.Reliability.Tests.SdkLogCapture";

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
        public Listener() : base("ThirdPartyJobs.Reliability.Tests.SdkLogCapture")
        {
        }

        public ConcurrentQueue<string> Lines { get; } = new();

        public override void Write(string? message) => Lines.Enqueue(message ?? "");

        public override void WriteLine(string? message) => Lines.Enqueue(message ?? "");

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message) =>
            Lines.Enqueue($"{source} {eventType}: {message}");

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args) =>
            Lines.Enqueue($"{source} {eventType}: " + (args is null || format is null ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args)));

        public override void TraceData(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, object? data) =>
            Lines.Enqueue($"{source} {eventType}: {data}");
    }
}
