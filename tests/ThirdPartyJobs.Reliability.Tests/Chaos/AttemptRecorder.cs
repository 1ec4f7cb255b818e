using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Reliability.Tests.Chaos;

/// <summary>
/// Reads the client's own log events (1002 succeeded, 1003 failed; both carry <c>Attempts</c>) to
/// learn how many attempts each client call took, per operation.
/// </summary>
internal sealed class AttemptRecorder : ILoggerProvider
{
    public ConcurrentQueue<(string Operation, int Attempts, bool Succeeded)> Calls { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == typeof(ThirdPartyJobClient).FullName ? new Recorder(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(AttemptRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id is not (1002 or 1003) || state is not IEnumerable<KeyValuePair<string, object?>> values)
            {
                return;
            }

            var map = values.ToDictionary(v => v.Key, v => v.Value);
            owner.Calls.Enqueue(((string)map["Operation"]!, (int)map["Attempts"]!, eventId.Id == 1002));
        }
    }
}
