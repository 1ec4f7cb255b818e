namespace ThirdPartyJobs.Testing.S3;

/// <summary>
/// Installs the pinned s3rver with <c>npm ci</c>: into the git-ignored <c>.tools/s3rver</c> of the clone the files
/// came from, or into a per-user cache directory named after the files' hash. A marker file written after a
/// successful install says which files it was made from; an interrupted or stale install is redone. A lock file
/// next to the install directory serializes installs across threads and processes.
/// </summary>
internal static class S3rverInstaller
{
    public const string MarkerFileName = ".thirdpartyjobs-installed";

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Where <paramref name="package"/> is (or will be) installed.</summary>
    public static string InstallDirectory(S3rverPackage package, LocalS3ServerOptions options) =>
        Path.GetFullPath(options.InstallDirectory
            ?? (package.RepositoryRoot is { } root
                ? Path.Combine(root, ".tools", "s3rver")
                : Path.Combine(UserCacheDirectory(Environment.GetEnvironmentVariable), "thirdpartyjobs", "s3rver-" + package.Hash)));

    /// <summary>The per-user cache root: <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, <c>~/Library/Caches</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows.</summary>
    public static string UserCacheDirectory(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            return NonEmpty(environment("LOCALAPPDATA")) ?? NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)) ?? Path.GetTempPath();
        }

        if (NonEmpty(environment("XDG_CACHE_HOME")) is { } xdg && Path.IsPathRooted(xdg))
        {
            return xdg;
        }

        var home = NonEmpty(environment("HOME")) ?? NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (home is null)
        {
            return Path.GetTempPath();
        }

        return OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches") : Path.Combine(home, ".cache");
    }

    /// <summary>Whether <paramref name="directory"/> holds a complete install of <paramref name="package"/>. Never throws.</summary>
    public static bool IsInstalled(S3rverPackage package, string directory)
    {
        try
        {
            var marker = Path.Combine(directory, MarkerFileName);
            return File.Exists(marker)
                && string.Equals(File.ReadAllText(marker).Trim(), package.Hash, StringComparison.Ordinal)
                && File.Exists(Path.Combine(directory, "serve.js"))
                && File.Exists(Path.Combine(directory, "node_modules", "s3rver", "package.json"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Installs <paramref name="package"/> into <paramref name="directory"/> unless it is there already.</summary>
    public static async Task EnsureInstalledAsync(S3rverPackage package, string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsInstalled(package, directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var lockFile = await AcquireLockAsync(Path.TrimEndingDirectorySeparator(directory) + ".install.lock", timeout, cancellationToken).ConfigureAwait(false);
        await using (lockFile.ConfigureAwait(false))
        {
            // Another thread or process may have installed it while this one waited.
            if (IsInstalled(package, directory))
            {
                return;
            }

            if (!NodeTools.IsOnPath(NodeTools.Node) || !NodeTools.IsOnPath(NodeTools.Npm))
            {
                throw new InvalidOperationException($"Node.js ('node') or npm ('{NodeTools.Npm}') is not on PATH, so s3rver cannot be installed into {directory}. {NodeTools.MissingHint}");
            }

            var marker = Path.Combine(directory, MarkerFileName);
            File.Delete(marker);
            foreach (var (name, content) in package.Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, name), content, cancellationToken).ConfigureAwait(false);
            }

            // --prefer-offline: the lock file pins every version and integrity hash, so npm's cache is as good as the registry.
            var (exitCode, output) = await NodeTools.RunAsync(
                NodeTools.Npm,
                ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
                directory,
                timeout,
                cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 || !File.Exists(Path.Combine(directory, "node_modules", "s3rver", "package.json")))
            {
                throw new InvalidOperationException($"'npm ci' in {directory} failed with exit code {exitCode}, so s3rver could not be installed. npm said:\n{output.Trim()}");
            }

            await File.WriteAllTextAsync(marker, package.Hash, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Wall-clock waiting on purpose: the lock is held by another process running npm.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException error)
            {
                throw new InvalidOperationException($"Another process has been installing s3rver for longer than {timeout.TotalMinutes:0.#} min (lock file {path}).", error);
            }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
