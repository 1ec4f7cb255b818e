namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// A job's input and output artifacts, reached with the job's own temporary credentials (never
/// the worker's identity). Artifacts are found by name, never by position. Data is streamed:
/// memory stays bounded by <see cref="ArtifactOptions.PartSize"/> whatever the artifact's size.
/// Create one per job with an <see cref="IJobArtifactsFactory"/> and dispose it when the job is done.
/// Thread-safe: artifacts may be transferred concurrently.
/// </summary>
public interface IJobArtifacts : IDisposable
{
    /// <summary>The job these artifacts belong to.</summary>
    string JobId { get; }

    /// <summary>The artifacts the action consumes, as CodePipeline listed them.</summary>
    IReadOnlyList<Artifact> Inputs { get; }

    /// <summary>The artifacts the action must produce, as CodePipeline listed them.</summary>
    IReadOnlyList<Artifact> Outputs { get; }

    /// <summary>Returns the input artifact called <paramref name="name"/>.</summary>
    /// <param name="name">The artifact's name as declared in the pipeline (case-sensitive).</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException">The job has no input artifact of that name; the message lists the ones it has.</exception>
    Artifact GetInput(string name);

    /// <summary>Returns the output artifact called <paramref name="name"/>.</summary>
    /// <param name="name">The artifact's name as declared in the pipeline (case-sensitive).</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="ArgumentException">The job has no output artifact of that name; the message lists the ones it has.</exception>
    Artifact GetOutput(string name);

    /// <summary>
    /// Opens an input artifact (the ZIP file as stored) for reading, streamed from S3. A dropped or
    /// stalled connection is resumed where it stopped, within the retry budget. Dispose the stream.
    /// </summary>
    /// <param name="name">The input artifact's name.</param>
    /// <param name="cancellationToken">Cancels opening the stream.</param>
    /// <returns>A forward-only stream whose <see cref="Stream.Length"/> is the object's size.</returns>
    /// <exception cref="ArgumentException">Unknown artifact name.</exception>
    /// <exception cref="ArtifactNotFoundException">The object or bucket does not exist.</exception>
    /// <exception cref="ArtifactAccessDeniedException">S3 refused the job's credentials.</exception>
    /// <exception cref="ArtifactCredentialsExpiredException">The credentials expired and the credentials source had no fresh ones.</exception>
    /// <exception cref="ArtifactStoreUnavailableException">S3 kept failing transiently.</exception>
    Task<Stream> OpenInputAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Downloads an input artifact (the ZIP file as stored) to a file, streaming to disk.</summary>
    /// <param name="name">The input artifact's name.</param>
    /// <param name="filePath">The file to create or overwrite.</param>
    /// <param name="cancellationToken">Cancels the download; a partial file is deleted.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">Unknown artifact name or empty <paramref name="filePath"/>.</exception>
    /// <exception cref="ArtifactException">S3 failed; see the derived types on <see cref="OpenInputAsync"/>.</exception>
    Task<long> DownloadInputFileAsync(string name, string filePath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an input artifact to a temporary file and extracts it into
    /// <paramref name="directory"/> (created when missing; existing files of the same name are
    /// replaced, never written through: a hard or symbolic link there is replaced by the new file).
    /// Entries that would land outside the directory, links, overlapping entries, and archives that
    /// break <see cref="ArtifactOptions.ArchiveLimits"/> are refused with an
    /// <see cref="UnsafeArchiveException"/>.
    /// </summary>
    /// <remarks>
    /// All or nothing: the archive is extracted into a hidden staging directory beside
    /// <paramref name="directory"/> (same file system; it needs room for the extracted files) and
    /// moved into place only when every entry was written. A refused, failed or cancelled extraction
    /// leaves <paramref name="directory"/> as it was and removes the staging directory.
    /// </remarks>
    /// <param name="name">The input artifact's name.</param>
    /// <param name="directory">The directory to extract into.</param>
    /// <param name="cancellationToken">Cancels the download and extraction.</param>
    /// <returns>What was extracted.</returns>
    /// <exception cref="ArgumentException">Unknown artifact name or empty <paramref name="directory"/>.</exception>
    /// <exception cref="UnsafeArchiveException">The archive is unsafe to extract.</exception>
    /// <exception cref="ArtifactException">S3 failed or the artifact is not a ZIP archive.</exception>
    Task<ArchiveExtractionResult> DownloadInputAsync(string name, string directory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Zips <paramref name="directory"/> (relative paths, last-write times and, on Unix, permission
    /// bits) into a temporary file and uploads it as the output artifact, encrypted with SSE-KMS.
    /// </summary>
    /// <param name="name">The output artifact's name.</param>
    /// <param name="directory">The directory to upload; it must exist. Symbolic links are followed only to files inside it.</param>
    /// <param name="cancellationToken">Cancels zipping and uploading; a started multipart upload is aborted.</param>
    /// <returns>Where the artifact was stored.</returns>
    /// <exception cref="ArgumentException">Unknown artifact name, missing directory, or a link that points outside it.</exception>
    /// <exception cref="ArtifactException">S3 failed; see the derived types on <see cref="OpenInputAsync"/>.</exception>
    Task<UploadedArtifact> UploadOutputAsync(string name, string directory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads <paramref name="content"/> (read from its current position to its end; it should be a
    /// ZIP archive) as the output artifact, encrypted with SSE-KMS. The stream need not be seekable
    /// and is read one part at a time; it is not disposed.
    /// </summary>
    /// <param name="name">The output artifact's name.</param>
    /// <param name="content">The artifact's bytes.</param>
    /// <param name="cancellationToken">Cancels the upload; a started multipart upload is aborted.</param>
    /// <returns>Where the artifact was stored.</returns>
    /// <exception cref="ArgumentException">Unknown artifact name or an unreadable stream.</exception>
    /// <exception cref="ArtifactException">S3 failed; see the derived types on <see cref="OpenInputAsync"/>.</exception>
    Task<UploadedArtifact> UploadOutputAsync(string name, Stream content, CancellationToken cancellationToken = default);
}
