using System.IO.Compression;
using ThirdPartyJobs.Artifacts.Archives;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The safe ZIP handling behind <see cref="IJobArtifacts"/>, for archives you already have on disk
/// (e.g. one saved with <see cref="IJobArtifacts.DownloadInputFileAsync"/>). Archives are read from
/// files, never buffered in memory.
/// </summary>
public static class ArtifactArchive
{
    /// <summary>
    /// Extracts <paramref name="archivePath"/> into <paramref name="directory"/> (created when
    /// missing; existing files of the same name are replaced, and a hard or symbolic link there is
    /// replaced, never written through), refusing entries that escape it, links, devices,
    /// overlapping entries, and archives that break <paramref name="limits"/>.
    /// </summary>
    /// <remarks>
    /// All or nothing: everything is vetted before anything is written, then extracted into a hidden
    /// staging directory beside <paramref name="directory"/> (same file system) and moved into place
    /// only when every entry was written; a file it replaces is kept aside until the move completes.
    /// A refused, failed or cancelled extraction leaves <paramref name="directory"/> as it was.
    /// </remarks>
    /// <param name="archivePath">The ZIP file.</param>
    /// <param name="directory">The directory to extract into.</param>
    /// <param name="limits">Zip-bomb limits; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the extraction (observed per entry and per buffer; the directory stays as it was).</param>
    /// <returns>What was extracted.</returns>
    /// <exception cref="ArgumentException">An empty path.</exception>
    /// <exception cref="UnsafeArchiveException">The archive is unsafe to extract.</exception>
    /// <exception cref="ArtifactException">The file is not a valid ZIP archive.</exception>
    public static Task<ArchiveExtractionResult> ExtractAsync(string archivePath, string directory, ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        limits ??= new ArchiveLimits();
        return Task.Run(
            () =>
            {
                using var archive = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.RandomAccess);
                return SafeZipExtractor.Extract(archive, directory, limits, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// Zips <paramref name="directory"/> into <paramref name="archivePath"/>, the way output artifacts
    /// are zipped: relative paths, last-write times, empty directories, Unix permission bits.
    /// </summary>
    /// <param name="directory">The directory to zip; it must exist.</param>
    /// <param name="archivePath">The ZIP file to create or overwrite.</param>
    /// <param name="compressionLevel">How hard to compress.</param>
    /// <param name="cancellationToken">Cancels zipping (the partial file is deleted).</param>
    /// <returns>The number of files archived.</returns>
    /// <exception cref="ArgumentException">An empty path, a missing directory, or a link that points outside it.</exception>
    public static Task<int> CreateAsync(string directory, string archivePath, CompressionLevel compressionLevel = CompressionLevel.Optimal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        return Task.Run(
            () =>
            {
                try
                {
                    using var archive = new FileStream(archivePath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024);
                    return DirectoryZipper.Create(directory, archive, compressionLevel, cancellationToken);
                }
                catch
                {
                    File.Delete(archivePath);
                    throw;
                }
            },
            cancellationToken);
    }
}
