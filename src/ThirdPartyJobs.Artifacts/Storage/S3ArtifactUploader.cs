using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Artifacts.Diagnostics;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// Uploads an output artifact with SSE-KMS: one PutObject when it fits in a part, otherwise a
/// multipart upload with up to <see cref="ArtifactOptions.UploadConcurrency"/> parts in flight.
/// Each part is read into a pooled buffer once and retried from it, so memory stays at about
/// <see cref="ArtifactOptions.PartSize"/> × concurrency whatever the artifact's size, and the
/// source stream need not be seekable.
/// </summary>
internal sealed class S3ArtifactUploader(IAmazonS3 client, S3Executor executor, ArtifactOptions options, ILogger logger)
{
    private const int MaxParts = 10_000;
    private const string ContentType = "application/zip";

    public async Task<UploadedArtifact> UploadAsync(Stream content, ArtifactTarget target, EncryptionKey? key, CancellationToken cancellationToken)
    {
        var partSize = options.PartSize;
        var first = await PartBuffer.FillAsync(content, partSize, cancellationToken).ConfigureAwait(false);
        PartBuffer? second = null;
        try
        {
            if (first.Length == partSize)
            {
                second = await PartBuffer.FillAsync(content, partSize, cancellationToken).ConfigureAwait(false);
            }

            if (second is null || second.Length == 0)
            {
                return await PutAsync(first, target, key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            first.Dispose();
            second?.Dispose();
            throw;
        }

        // The multipart upload owns both buffers from here on.
        return await MultipartAsync(content, target, key, first, second, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadedArtifact> PutAsync(PartBuffer data, ArtifactTarget target, EncryptionKey? key, CancellationToken cancellationToken)
    {
        using (data)
        {
            var response = await executor.ExecuteAsync(
                "PutObject",
                target,
                async token =>
                {
                    using var body = data.OpenRead();
                    var request = new PutObjectRequest
                    {
                        BucketName = target.BucketName,
                        Key = target.ObjectKey,
                        InputStream = body,
                        AutoCloseStream = false,
                        ContentType = ContentType,
                        UseChunkEncoding = false,
                    };
                    ApplyEncryption(request, key);
                    return await client.PutObjectAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return new UploadedArtifact(target.Name, target.BucketName, target.ObjectKey, data.Length, response.ETag, response.VersionId, 1);
        }
    }

    private async Task<UploadedArtifact> MultipartAsync(Stream content, ArtifactTarget target, EncryptionKey? key, PartBuffer first, PartBuffer second, CancellationToken cancellationToken)
    {
        string uploadId;
        try
        {
            var initiate = new InitiateMultipartUploadRequest { BucketName = target.BucketName, Key = target.ObjectKey, ContentType = ContentType };
            ApplyEncryption(initiate, key);
            var initiated = await executor.ExecuteAsync("CreateMultipartUpload", target, token => client.InitiateMultipartUploadAsync(initiate, token), cancellationToken).ConfigureAwait(false);
            uploadId = initiated.UploadId;
        }
        catch
        {
            first.Dispose();
            second.Dispose();
            throw;
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(options.UploadConcurrency, options.UploadConcurrency);
        var parts = new List<Task<PartETag>>();
        long size = 0;
        Exception? failure = null;
        var pending = new Queue<PartBuffer>([first, second]);
        try
        {
            while (true)
            {
                await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                PartBuffer part;
                try
                {
                    part = pending.Count > 0 ? pending.Dequeue() : await PartBuffer.FillAsync(content, options.PartSize, failed.Token).ConfigureAwait(false);
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                if (part.Length == 0)
                {
                    part.Dispose();
                    slots.Release();
                    break;
                }

                if (parts.Count == MaxParts)
                {
                    part.Dispose();
                    slots.Release();
                    throw new ArtifactException(
                        $"The {target.Describe()} is larger than {MaxParts} parts of {options.PartSize} bytes; raise ArtifactOptions.PartSize.",
                        new ArtifactErrorDetails("S3:UploadPart", JobId: executor.JobId, Target: target));
                }

                size += part.Length;
                parts.Add(UploadPartAsync(part, parts.Count + 1, uploadId, target, slots, failed));
            }

            await Task.WhenAll(parts).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            failure = error;
        }
        finally
        {
            // Buffers not handed to a part (the loop stopped early) go back to the pool here; parts dispose their own.
            while (pending.TryDequeue(out var unused))
            {
                unused.Dispose();
            }
        }

        if (failure is not null)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(parts).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Observed below: the first part failure is the one worth reporting.
            }

            var primary = parts.Where(part => part.IsFaulted).Select(part => part.Exception!.InnerException!).FirstOrDefault(error => error is not OperationCanceledException)
                ?? failure;
            await AbortAsync(uploadId, target).ConfigureAwait(false);
            ExceptionDispatchInfo.Capture(primary).Throw();
        }

        var etags = parts.Select(part => part.Result).ToList();
        try
        {
            var completed = await executor.ExecuteAsync(
                "CompleteMultipartUpload",
                target,
                token => client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = target.BucketName, Key = target.ObjectKey, UploadId = uploadId, PartETags = etags },
                    token),
                cancellationToken).ConfigureAwait(false);
            return new UploadedArtifact(target.Name, target.BucketName, target.ObjectKey, size, completed.ETag, completed.VersionId, etags.Count);
        }
        catch
        {
            await AbortAsync(uploadId, target).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(PartBuffer part, int partNumber, string uploadId, ArtifactTarget target, SemaphoreSlim slots, CancellationTokenSource failed)
    {
        try
        {
            var response = await executor.ExecuteAsync(
                "UploadPart",
                target,
                async token =>
                {
                    using var body = part.OpenRead();
                    return await client.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = target.BucketName,
                            Key = target.ObjectKey,
                            UploadId = uploadId,
                            PartNumber = partNumber,
                            PartSize = part.Length,
                            InputStream = body,
                            UseChunkEncoding = false,
                        },
                        token).ConfigureAwait(false);
                },
                failed.Token).ConfigureAwait(false);
            return new PartETag(partNumber, response.ETag);
        }
        catch
        {
            // Stop the other parts: the upload is lost anyway.
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            part.Dispose();
            slots.Release();
        }
    }

    private async Task AbortAsync(string uploadId, ArtifactTarget target)
    {
        try
        {
            // Not the caller's token: a cancelled upload must still be cleaned up. Bounded by the attempt timeout.
            using var timeout = new CancellationTokenSource(options.Retry.AttemptTimeout, executor.TimeProvider);
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = target.BucketName, Key = target.ObjectKey, UploadId = uploadId },
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Log.AbortFailed(logger, executor.JobId, target.Name, error);
        }
    }

    private static void ApplyEncryption(PutObjectRequest request, EncryptionKey? key)
    {
        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
        if (key is not null)
        {
            request.ServerSideEncryptionKeyManagementServiceKeyId = key.Id;
        }
    }

    private static void ApplyEncryption(InitiateMultipartUploadRequest request, EncryptionKey? key)
    {
        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
        if (key is not null)
        {
            request.ServerSideEncryptionKeyManagementServiceKeyId = key.Id;
        }
    }
}
