using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Captures everything logged, at every level: the formatted message, each structured value, the
/// scopes around it and the exception's full <c>ToString()</c>, since any of them can reach a log
/// sink. Every scope begun is kept too, even one with nothing logged inside it.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="ISupportExternalScope"/>: a logger factory then hands each scope to
/// this provider's loggers, so that a scope is seen when it begins, not only beside an entry.
/// </remarks>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();
    private readonly LoggerExternalScopeProvider _activeScopes = new();

    /// <summary>Every entry logged so far, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Every entry's <see cref="LogEntry.FullText"/>, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(entry => entry.FullText)];

    /// <summary>Every scope begun so far (its category and state), in order.</summary>
    public IReadOnlyList<string> Scopes => [.. _scopes];

    /// <summary>A logger factory that sends everything, from <see cref="LogLevel.Trace"/> up, here.</summary>
    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <summary>The entries logged with event id <paramref name="id"/>.</summary>
    public IEnumerable<LogEntry> WithEventId(int id) => Entries.Where(entry => entry.EventId.Id == id);

    /// <summary>All captured text, one entry or scope per line, for scanning: messages, values, scopes and exceptions (with stack traces).</summary>
    public string AllText() =>
        string.Join(Environment.NewLine, [.. _entries.Select(entry => entry.FullText), .. _scopes.Select(scope => "scope " + scope)]);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner._scopes.Enqueue($"{category}: {state}");
            return owner._activeScopes.Push(state);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            KeyValuePair<string, string?>[] values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value?.ToString()))]
                : [];
            var scopes = new List<string>();
            owner._activeScopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString(), scopes));
        }
    }
}
