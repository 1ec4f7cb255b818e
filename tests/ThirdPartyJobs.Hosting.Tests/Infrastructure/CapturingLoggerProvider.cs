using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>Captures every log entry at every level, with its message, state values and exception text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public IEnumerable<LogEntry> WithEventId(int id) => Entries.Where(entry => entry.EventId.Id == id);

    /// <summary>Everything logged, as one string: messages, state values, scopes and exceptions (with stack traces).</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            text.AppendLine(entry.ToString());
        }

        return text.ToString();
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue(new LogEntry(category, LogLevel.None, default, "scope: " + state, [], null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value?.ToString())).ToArray()
                : [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, string?>> Values, string? Exception)
{
    public string? Value(string key) => Values.FirstOrDefault(pair => pair.Key == key).Value;

    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}] {Message} | {string.Join(", ", Values.Select(pair => pair.Key + "=" + pair.Value))} | {Exception}";
}
