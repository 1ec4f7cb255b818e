using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting.Diagnostics;

namespace ThirdPartyJobs.Hosting.Journal;

/// <summary>
/// The default <see cref="IJobJournal"/>: one JSON file per job under
/// <c>&lt;directory&gt;/&lt;worker&gt;/&lt;instance&gt;/</c>. Each running instance has its own folder and
/// holds its <c>instance.lock</c> open with an exclusive lock for as long as it lives (the
/// operating system drops the lock when the process dies, however it dies). A starting instance
/// takes over the folders whose lock it can take: their owners are gone. Writes are atomic:
/// a temporary file is written, flushed to disk and renamed over the record.
/// </summary>
internal sealed class FileJobJournal : IJobJournal, IDisposable
{
    private const string LockFile = "instance.lock";
    private const string Extension = ".json";

    private readonly string _workerDirectory;
    private readonly string _instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private FileStream? _lock;

    public FileJobJournal(string directory, string workerName, ILogger logger)
    {
        _workerDirectory = Path.Combine(Path.GetFullPath(directory), FileName(workerName));
        _logger = logger;
    }

    /// <summary>This instance's own folder.</summary>
    public string InstanceDirectory => Path.Combine(_workerDirectory, _instance);

    public Task<IReadOnlyList<JobJournalRecord>> RecoverAsync(CancellationToken cancellationToken)
    {
        Open();
        foreach (var other in Directory.EnumerateDirectories(_workerDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.Equals(Path.GetFileName(other), _instance, StringComparison.Ordinal))
            {
                Adopt(other);
            }
        }

        var records = new List<JobJournalRecord>();
        foreach (var file in Directory.EnumerateFiles(InstanceDirectory, "*" + Extension))
        {
            try
            {
                var record = JsonSerializer.Deserialize(File.ReadAllBytes(file), JournalJson.Default.JobJournalRecord)
                    ?? throw new JsonException("The record is empty.");
                records.Add(record);
            }
            catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                var name = Path.GetFileName(file);
                WorkerLog.CorruptRecord(_logger, name, error.GetType());
                TryMove(file, file + ".corrupt");
            }
        }

        return Task.FromResult<IReadOnlyList<JobJournalRecord>>(records);
    }

    public async Task WriteAsync(JobJournalRecord record, CancellationToken cancellationToken)
    {
        Open();
        var path = RecordPath(record.JobId);
        var temporary = path + ".tmp";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, JournalJson.Default.JobJournalRecord);
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

            // Durable before the rename: a crash leaves either no record or a complete one.
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        File.Delete(RecordPath(jobId));
        return Task.CompletedTask;
    }

    /// <summary>Releases the lock; records not deleted stay for the next instance to report.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_lock is null)
            {
                return;
            }

            _lock.Dispose();
            _lock = null;
            try
            {
                // An instance that stops cleanly with nothing left leaves nothing behind.
                if (!Directory.EnumerateFiles(InstanceDirectory, "*" + Extension).Any())
                {
                    Directory.Delete(InstanceDirectory, recursive: true);
                }
            }
            catch (IOException)
            {
                // Left for the next instance to clean up.
            }
        }
    }

    private void Open()
    {
        lock (_gate)
        {
            if (_lock is not null)
            {
                return;
            }

            Directory.CreateDirectory(InstanceDirectory);
            _lock = new FileStream(Path.Combine(InstanceDirectory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
    }

    private void Adopt(string folder)
    {
        FileStream ownerLock;
        try
        {
            // Open, never create: a folder without its lock file belongs to an instance that is starting (it creates
            // the folder, then the lock) and has no record yet. Creating the lock here would let this instance take
            // over, and delete, the folder of a live instance; or re-create a lock in a folder another adopter is removing.
            ownerLock = new FileStream(Path.Combine(folder, LockFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Held: the owner is alive (or another starting instance is taking the folder over); or no lock file yet: the owner is starting.
            var instance = Path.GetFileName(folder);
            WorkerLog.InstanceAlive(_logger, instance);
            return;
        }

        using (ownerLock)
        {
            var moved = 0;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(Extension, StringComparison.Ordinal) || name.EndsWith(".corrupt", StringComparison.Ordinal))
                {
                    moved += TryMove(file, Path.Combine(InstanceDirectory, name)) ? 1 : 0;
                }
            }

            if (moved > 0)
            {
                var instance = Path.GetFileName(folder);
                WorkerLog.Adopted(_logger, moved, instance);
            }

            try
            {
                // Deleted while still locked, so no other instance adopts it half-way.
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left behind; harmless (empty of records).
            }
        }
    }

    private string RecordPath(string jobId) => Path.Combine(InstanceDirectory, FileName(jobId) + Extension);

    // Job ids are UUIDs and worker names simple; anything else is hex-encoded so a name can never leave the folder.
    private static string FileName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? name
            : "x" + Convert.ToHexString(Encoding.UTF8.GetBytes(name));

    private static bool TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
