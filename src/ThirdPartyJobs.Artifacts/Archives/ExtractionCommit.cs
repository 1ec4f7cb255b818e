namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Moves a completed staging directory into the target. A missing target: the staging directory is renamed
/// to it. An existing one: first every conflict is checked without changing anything (a link where a
/// directory is needed is refused, so nothing is written through it; a file where a directory is needed and
/// the reverse are refused); then each staged file is renamed over its destination. Renaming replaces a
/// file, a hard link or a symbolic link in the target instead of writing through it; what it replaced is kept
/// aside until the end, so that a failure midway puts the target back as it was.
/// </summary>
internal static class ExtractionCommit
{
    public static void Apply(StagingDirectory staging, string root, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rootInfo = new DirectoryInfo(root);
        if (!rootInfo.Exists && rootInfo.LinkTarget is null && !File.Exists(root))
        {
            Directory.Move(staging.FullPath, root);
            staging.Moved = true;
            return;
        }

        if (!rootInfo.Exists)
        {
            throw new ArgumentException($"The extraction target '{root}' is a file or a broken link, not a directory.", nameof(root));
        }

        ThrowIfConflicting(staging, root);
        Merge(staging, root, cancellationToken);
    }

    private static void ThrowIfConflicting(StagingDirectory staging, string root)
    {
        foreach (var directory in staging.Directories)
        {
            var target = Path.Join(root, directory);
            if (new FileInfo(target).LinkTarget is not null)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.PathTraversal, directory, "would be written through a link that already exists in the target directory");
            }

            if (File.Exists(target))
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, directory, "needs a directory where the target has a file");
            }
        }

        foreach (var file in staging.Files)
        {
            var target = Path.Join(root, file);
            if (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is null)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.InvalidEntryName, file, "needs a file where the target has a directory");
            }
        }
    }

    private static void Merge(StagingDirectory staging, string root, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var placed = new List<string>();
        var replaced = new List<(string Target, string Aside)>();
        string? aside = null;
        try
        {
            foreach (var directory in staging.Directories)
            {
                var target = Path.Join(root, directory);
                if (!Directory.Exists(target))
                {
                    Directory.CreateDirectory(target);
                    created.Add(target);
                }
            }

            for (var i = 0; i < staging.Files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = Path.Join(root, staging.Files[i]);
                var existing = new FileInfo(target);
                if (existing.Exists || existing.LinkTarget is not null)
                {
                    // Renamed, never opened: a hard or symbolic link moves aside as itself.
                    aside ??= Directory.CreateDirectory(staging.FullPath + ".replaced").FullName;
                    var kept = Path.Join(aside, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    File.Move(target, kept);
                    replaced.Add((target, kept));
                }

                File.Move(Path.Join(staging.FullPath, staging.Files[i]), target);
                placed.Add(target);
            }
        }
        catch
        {
            RollBack(created, placed, replaced);
            throw;
        }
        finally
        {
            if (aside is not null)
            {
                BestEffort(() => Directory.Delete(aside, recursive: true));
            }
        }
    }

    private static void RollBack(List<string> created, List<string> placed, List<(string Target, string Aside)> replaced)
    {
        foreach (var file in placed)
        {
            BestEffort(() => File.Delete(file));
        }

        for (var i = replaced.Count - 1; i >= 0; i--)
        {
            var (target, kept) = replaced[i];
            BestEffort(() => File.Move(kept, target));
        }

        for (var i = created.Count - 1; i >= 0; i--)
        {
            var directory = created[i];
            BestEffort(() => Directory.Delete(directory, recursive: false));
        }
    }

    private static void BestEffort(Action action)
    {
        try
        {
            action();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Rolling back as far as the file system lets us; the original error is what the caller sees.
        }
    }
}
