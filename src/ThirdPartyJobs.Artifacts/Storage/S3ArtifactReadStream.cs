using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Artifacts.Diagnostics;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// An artifact object streamed from S3. A read that fails on the network, stalls longer than
/// <see cref="ArtifactOptions.ReadIdleTimeout"/> or ends early is resumed with a ranged GET of the
/// same object version (If-Match on its ETag) from the current position, up to
/// <see cref="ArtifactRetryOptions.MaxAttempts"/> times in all.
/// </summary>
internal sealed class S3ArtifactReadStream : Stream
{
    private readonly IAmazonS3 _client;
    private readonly S3Executor _executor;
    private readonly ArtifactTarget _target;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;
    private readonly long _length;
    private readonly string? _etag;
    private GetObjectResponse? _response;
    private long _position;
    private int _attempts = 1;
    private bool _disposed;

    private S3ArtifactReadStream(IAmazonS3 client, S3Executor executor, ArtifactTarget target, ArtifactOptions options, TimeProvider timeProvider, ILogger logger, GetObjectResponse response)
    {
        _client = client;
        _executor = executor;
        _target = target;
        _idleTimeout = options.ReadIdleTimeout;
        _timeProvider = timeProvider;
        _maxAttempts = options.Retry.MaxAttempts;
        _logger = logger;
        _response = response;
        _length = response.ContentLength;
        _etag = response.ETag;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The object's size.</summary>
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("An artifact stream reads forward only.");
    }

    public static async Task<S3ArtifactReadStream> OpenAsync(IAmazonS3 client, S3Executor executor, ArtifactTarget target, ArtifactOptions options, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        var response = await executor.ExecuteAsync(
            "GetObject",
            target,
            token => client.GetObjectAsync(new GetObjectRequest { BucketName = target.BucketName, Key = target.ObjectKey }, token),
            cancellationToken).ConfigureAwait(false);
        return new S3ArtifactReadStream(client, executor, target, options, timeProvider, logger, response);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= _length)
        {
            return 0;
        }

        while (true)
        {
            try
            {
                _response ??= await ResumeAsync(cancellationToken).ConfigureAwait(false);
                using var idle = new CancellationTokenSource(_idleTimeout, _timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
                int read;
                try
                {
                    read = await _response.ResponseStream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"No data arrived for {_idleTimeout.TotalSeconds:0.###} s.");
                }

                if (read == 0)
                {
                    throw new IOException($"The response ended at byte {_position} of {_length}.");
                }

                _position += read;
                return read;
            }
            catch (Exception error) when (error is not ArtifactException && !cancellationToken.IsCancellationRequested && S3ErrorClassifier.IsNetworkFailure(error))
            {
                DisposeResponse();
                if (_attempts >= _maxAttempts)
                {
                    throw new ArtifactStoreUnavailableException(
                        $"The download of the {_target.Describe()} kept failing at byte {_position} of {_length}: {error.Message}",
                        new ServiceErrorDetails("S3:GetObject", JobId: _executor.JobId, Attempts: _attempts),
                        error) { ArtifactName = _target.Name, BucketName = _target.BucketName, ObjectKey = _target.ObjectKey };
                }

                _attempts++;
                Log.ResumingDownload(_logger, _executor.JobId, _target.Name, _position, _length, _attempts - 1, error);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous callers get the same resuming behaviour; the SDK's response streams are async at heart anyway.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An artifact stream reads forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("An artifact stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An artifact stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            DisposeResponse();
        }

        base.Dispose(disposing);
    }

    private Task<GetObjectResponse> ResumeAsync(CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(
            "GetObject",
            _target,
            token => _client.GetObjectAsync(
                new GetObjectRequest
                {
                    BucketName = _target.BucketName,
                    Key = _target.ObjectKey,
                    ByteRange = new ByteRange(_position, _length - 1),
                    EtagToMatch = _etag,
                },
                token),
            cancellationToken);

    private void DisposeResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
