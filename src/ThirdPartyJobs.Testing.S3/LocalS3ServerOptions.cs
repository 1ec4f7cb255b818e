namespace ThirdPartyJobs.Testing;

/// <summary>Settings of a <see cref="LocalS3Server"/>; read by <see cref="LocalS3Server.StartAsync"/> and the install methods.</summary>
public sealed class LocalS3ServerOptions
{
    /// <summary>
    /// Where s3rver is installed. <see langword="null"/> (the default) means the git-ignored <c>.tools/s3rver</c>
    /// folder of the repository clone the application runs from (found by walking up from
    /// <see cref="AppContext.BaseDirectory"/> to <c>tools/s3rver/package-lock.json</c>), or, outside a clone,
    /// <c>thirdpartyjobs/s3rver-&lt;hash&gt;</c> in the user's cache directory (<c>$XDG_CACHE_HOME</c> or
    /// <c>~/.cache</c>; <c>~/Library/Caches</c> on macOS; <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public string? InstallDirectory { get; set; }

    /// <summary>How long the first install (<c>npm ci</c>) may take, and how long to wait for another process that is installing. Default 5 minutes.</summary>
    public TimeSpan InstallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long s3rver may take to start listening and answer. Default 60 seconds.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (InstallDirectory is not null && string.IsNullOrWhiteSpace(InstallDirectory))
        {
            throw new ArgumentException("InstallDirectory must be null (the default location) or a path.", nameof(InstallDirectory));
        }

        if (InstallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"InstallTimeout must be positive (was {InstallTimeout}).", nameof(InstallTimeout));
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"StartTimeout must be positive (was {StartTimeout}).", nameof(StartTimeout));
        }
    }
}
