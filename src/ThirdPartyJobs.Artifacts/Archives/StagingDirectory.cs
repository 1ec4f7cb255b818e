namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// A fresh directory beside the target (same file system, so its contents can be renamed into place)
/// that an extraction writes into. Nothing in it existed before, so nothing can be written through;
/// it remembers the directories (parents first) and files it holds, and is deleted when disposed.
/// </summary>
internal sealed class StagingDirectory : IDisposable
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    private readonly HashSet<string> _directorySet = new(PathComparer);
    private readonly HashSet<string> _fileSet = new(PathComparer);
    private readonly List<string> _directories = [];
    private readonly List<string> _files = [];

    private StagingDirectory(string path) => FullPath = path;

    public string FullPath { get; }

    /// <summary>The directories created, relative, each after its parent.</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>The files written, relative, once each.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Whether <see cref="FullPath"/> was moved into place as the target (then there is nothing to delete).</summary>
    public bool Moved { get; set; }

    public static StagingDirectory Create(string root)
    {
        var parent = Path.GetDirectoryName(root) ?? throw new ArgumentException("Cannot extract into the root of a file system.", nameof(root));
        Directory.CreateDirectory(parent);
        // Hidden, and short whatever the target's name (a name of 255 characters must still fit).
        var path = Path.Combine(parent, $".tpj-extract-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new StagingDirectory(path);
    }

    /// <summary>Creates <paramref name="relative"/> and any missing parents; the empty path is the staging directory itself.</summary>
    public void EnsureDirectory(string relative, string entryName)
    {
        if (relative.Length == 0 || _directorySet.Contains(relative))
        {
            return;
        }

        var parent = Path.GetDirectoryName(relative) ?? string.Empty;
        EnsureDirectory(parent, entryName);
        if (_fileSet.Contains(relative))
        {
            throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, entryName, "needs a directory where the archive has a file");
        }

        Directory.CreateDirectory(Path.Join(FullPath, relative));
        _directorySet.Add(relative);
        _directories.Add(relative);
    }

    /// <summary>Returns where to write the file <paramref name="relative"/>, its parents created.</summary>
    public string PrepareFile(string relative, string entryName)
    {
        if (_directorySet.Contains(relative))
        {
            throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, entryName, "needs a file where the archive has a directory");
        }

        EnsureDirectory(Path.GetDirectoryName(relative) ?? string.Empty, entryName);
        if (_fileSet.Add(relative))
        {
            _files.Add(relative);
        }

        return Path.Join(FullPath, relative);
    }

    public void Dispose()
    {
        if (Moved)
        {
            return;
        }

        try
        {
            // Holds only what this extraction wrote: regular files and directories, never a link.
            Directory.Delete(FullPath, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden staging directory beside the target harms nothing.
        }
    }
}
