using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ThirdPartyJobs.Artifacts.Archives;
using ThirdPartyJobs.Artifacts.Diagnostics;
using ThirdPartyJobs.Artifacts.Storage;

namespace ThirdPartyJobs.Artifacts;

/// <summary>The S3 implementation of <see cref="IJobArtifacts"/>: one S3 client per job, signed with the job's credentials.</summary>
internal sealed class JobArtifacts : IJobArtifacts
{
    private const int DownloadBufferSize = 1024 * 1024;

    private readonly JobData _data;
    private readonly ArtifactOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JobArtifactCredentials _credentials;
    private readonly AmazonS3Client _client;
    private readonly S3Executor _executor;
    private readonly S3ArtifactUploader _uploader;
    private int _disposed;

    public JobArtifacts(string jobId, JobData data, Func<CancellationToken, ValueTask<SessionCredentials>> credentialsSource, ArtifactOptions options, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
    {
        JobId = jobId;
        _data = data;
        _options = options;
        _timeProvider = timeProvider;
        _logger = (ILogger?)loggerFactory?.CreateLogger("ThirdPartyJobs.Artifacts") ?? NullLogger.Instance;
        _credentials = new JobArtifactCredentials(credentialsSource);
        _client = S3ClientFactory.Create(_credentials, options);
        var pipeline = ArtifactResiliencePipeline.Create(options.Retry, _timeProvider, _logger);
        _executor = new S3Executor(_credentials, pipeline, _logger, jobId, _timeProvider);
        _uploader = new S3ArtifactUploader(_client, _executor, options, _logger);
    }

    public string JobId { get; }

    public IReadOnlyList<Artifact> Inputs => _data.InputArtifacts;

    public IReadOnlyList<Artifact> Outputs => _data.OutputArtifacts;

    public Artifact GetInput(string name) => Find(_data.InputArtifacts, name, "input");

    public Artifact GetOutput(string name) => Find(_data.OutputArtifacts, name, "output");

    public async Task<Stream> OpenInputAsync(string name, CancellationToken cancellationToken = default)
    {
        var target = Target(GetInput(name), isInput: true);
        ThrowIfDisposed();
        await _credentials.LoadAsync(cancellationToken).ConfigureAwait(false);
        Log.Downloading(_logger, JobId, target.Name);
        return await S3ArtifactReadStream.OpenAsync(_client, _executor, target, _options, _timeProvider, _logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> DownloadInputFileAsync(string name, string filePath, CancellationToken cancellationToken = default)
    {
        GetInput(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var fullPath = Path.GetFullPath(filePath);
        try
        {
            var file = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                return await DownloadToAsync(name, file, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            File.Delete(fullPath);
            throw;
        }
    }

    public async Task<ArchiveExtractionResult> DownloadInputAsync(string name, string directory, CancellationToken cancellationToken = default)
    {
        GetInput(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var staging = OpenStagingFile();
        await using (staging.ConfigureAwait(false))
        {
            await DownloadToAsync(name, staging, cancellationToken).ConfigureAwait(false);
            staging.Seek(0, SeekOrigin.Begin);
            try
            {
                var result = await Task.Run(() => SafeZipExtractor.Extract(staging, directory, _options.ArchiveLimits, cancellationToken), cancellationToken).ConfigureAwait(false);
                Log.Extracted(_logger, JobId, name, result.FileCount, result.ExtractedBytes, result.ArchiveBytes);
                return result;
            }
            catch (UnsafeArchiveException error)
            {
                Log.UnsafeArchive(_logger, JobId, name, error.Reason, error.EntryName);
                throw new UnsafeArchiveException($"Input artifact '{name}': {error.Message}", error.Reason, error.EntryName, new ArtifactErrorDetails(ArtifactName: name));
            }
            catch (ArtifactException error) when (error.ArtifactName is null)
            {
                throw new ArtifactException($"Input artifact '{name}': {error.Message}", new ArtifactErrorDetails(JobId: JobId, ArtifactName: name), error.InnerException);
            }
        }
    }

    public async Task<UploadedArtifact> UploadOutputAsync(string name, string directory, CancellationToken cancellationToken = default)
    {
        var target = Target(GetOutput(name), isInput: false);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"The directory '{directory}' does not exist.", nameof(directory));
        }

        var stagingDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.TempDirectory ?? Path.GetTempPath()));
        var sourceDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (stagingDirectory.Equals(sourceDirectory, StringComparison.Ordinal)
            || stagingDirectory.StartsWith(sourceDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The directory to upload contains the staging directory (ArtifactOptions.TempDirectory); the archive would try to include itself.", nameof(directory));
        }

        var key = EncryptionKeyOrThrow();
        ThrowIfDisposed();
        var staging = OpenStagingFile();
        await using (staging.ConfigureAwait(false))
        {
            await Task.Run(() => DirectoryZipper.Create(directory, staging, _options.CompressionLevel, cancellationToken), cancellationToken).ConfigureAwait(false);
            staging.Seek(0, SeekOrigin.Begin);
            return await UploadAsync(target, staging, key, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<UploadedArtifact> UploadOutputAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        var target = Target(GetOutput(name), isInput: false);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream is not readable.", nameof(content));
        }

        var key = EncryptionKeyOrThrow();
        ThrowIfDisposed();
        return UploadAsync(target, content, key, cancellationToken);
    }

    public override string ToString() => $"JobArtifacts {{ JobId = {JobId}, Inputs = {Inputs.Count}, Outputs = {Outputs.Count} }}";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
            _credentials.Dispose();
        }
    }

    private async Task<UploadedArtifact> UploadAsync(ArtifactTarget target, Stream content, EncryptionKey? key, CancellationToken cancellationToken)
    {
        await _credentials.LoadAsync(cancellationToken).ConfigureAwait(false);
        Log.Uploading(_logger, JobId, target.Name);
        var uploaded = await _uploader.UploadAsync(content, target, key, cancellationToken).ConfigureAwait(false);
        Log.Uploaded(_logger, JobId, target.Name, uploaded.Size, uploaded.PartCount);
        return uploaded;
    }

    private async Task<long> DownloadToAsync(string name, Stream destination, CancellationToken cancellationToken)
    {
        var source = await OpenInputAsync(name, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, DownloadBufferSize, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return source.Length;
        }
    }

    private FileStream OpenStagingFile()
    {
        var directory = _options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"tpj-artifact-{Guid.NewGuid():N}.zip");

        // Deleted when closed, whatever happens; never shared.
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    private EncryptionKey? EncryptionKeyOrThrow()
    {
        var key = _data.EncryptionKey;
        if (key is not null && key.Type != EncryptionKeyType.KMS)
        {
            throw new ArtifactException(
                $"The pipeline's artifact store uses an encryption key of type '{key.Type}', which this library cannot apply; only KMS keys are supported.",
                new ArtifactErrorDetails(JobId: JobId));
        }

        return key;
    }

    private ArtifactTarget Target(Artifact artifact, bool isInput)
    {
        var kind = isInput ? "input" : "output";
        if (artifact.S3Location is not { } s3 || string.IsNullOrEmpty(s3.BucketName) || string.IsNullOrEmpty(s3.ObjectKey))
        {
            throw new ArtifactException(
                $"The {kind} artifact '{artifact.Name}' has no S3 location (location type: {artifact.LocationType?.Value ?? "none"}).",
                new ArtifactErrorDetails(JobId: JobId, ArtifactName: artifact.Name));
        }

        return new ArtifactTarget(artifact.Name!, isInput, s3.BucketName, s3.ObjectKey);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static Artifact Find(IReadOnlyList<Artifact> artifacts, string name, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var artifact in artifacts)
        {
            if (string.Equals(artifact.Name, name, StringComparison.Ordinal))
            {
                return artifact;
            }
        }

        var known = artifacts.Count == 0
            ? $"The job has no {kind} artifacts."
            : $"Its {kind} artifacts are: {string.Join(", ", artifacts.Select(artifact => artifact.Name is null ? "(unnamed)" : $"'{artifact.Name}'"))}.";
        throw new ArgumentException($"The job has no {kind} artifact named '{name}'. {known}", nameof(name));
    }
}
