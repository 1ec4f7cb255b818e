namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// An archive was refused because extracting it would be unsafe: an entry escapes the target
/// directory, is a link or device, or the archive breaks an <see cref="ArchiveLimits"/> limit.
/// Nothing is written outside the target directory, and files written before the refusal are removed.
/// </summary>
public class UnsafeArchiveException : ArtifactException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="reason">Why the archive was refused.</param>
    /// <param name="entryName">The offending entry's name (control characters replaced), when one entry is at fault.</param>
    public UnsafeArchiveException(string message, UnsafeArchiveReason reason, string? entryName = null)
        : this(message, reason, entryName, default)
    {
    }

    internal UnsafeArchiveException(string message, UnsafeArchiveReason reason, string? entryName, ArtifactErrorDetails details)
        : base(message, details)
    {
        Reason = reason;
        EntryName = entryName;
    }

    /// <summary>Why the archive was refused.</summary>
    public UnsafeArchiveReason Reason { get; }

    /// <summary>The offending entry's name (control characters replaced), when one entry is at fault.</summary>
    public string? EntryName { get; }
}
