using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Polly;
using ThirdPartyJobs.Artifacts.Diagnostics;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// Runs one S3 request through the retry pipeline; when S3 says the credentials expired, asks the
/// credentials source once more and repeats the request; maps whatever still fails to a typed exception.
/// </summary>
internal sealed class S3Executor(JobArtifactCredentials credentials, RetryPipeline pipelines, ILogger logger, string jobId, TimeProvider timeProvider)
{
    /// <summary>The clock of the retry pipeline, for the few waits outside it.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;

    public JobArtifactCredentials Credentials { get; } = credentials;

    public string JobId { get; } = jobId;

    public async Task<T> ExecuteAsync<T>(string operation, ArtifactTarget target, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var refreshed = false;
        while (true)
        {
            var used = Credentials.Current;
            var state = new AttemptState<T>(send, () => Credentials.Secrets(used));
            try
            {
                return await pipelines.For(operation).ExecuteAsync(
                    static async (state, token) =>
                    {
                        state.Attempts++;
                        try
                        {
                            return await state.Send(token).ConfigureAwait(false);
                        }
                        catch (AmazonServiceException error) when (S3ServiceFailure.IsServiceAnswer(error))
                        {
                            // Sanitized before the pipeline (and its telemetry) sees it.
                            throw S3ServiceFailure.From(error, state.Secrets());
                        }
                    },
                    state,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!refreshed && S3ErrorClassifier.IsExpiredCredentials(error))
            {
                attempts += state.Attempts;
                refreshed = true;
                Log.CredentialsExpired(logger, JobId, operation, target.Name);
                if (!await Credentials.RefreshAsync(used, cancellationToken).ConfigureAwait(false))
                {
                    throw Fail(error, operation, target, attempts, used, credentialsRefreshed: false);
                }
            }
            catch (Exception error) when (S3ErrorMapper.IsMappable(error, cancellationToken))
            {
                throw Fail(error, operation, target, attempts + state.Attempts, used, refreshed);
            }
        }
    }

    private ArtifactException Fail(Exception error, string operation, ArtifactTarget target, int attempts, ImmutableCredentials? used, bool credentialsRefreshed)
    {
        var mapped = S3ErrorMapper.Map(error, operation, target, JobId, attempts, Credentials.Secrets(used), credentialsRefreshed);
        Log.RequestFailed(logger, JobId, operation, target.Name, mapped.Attempts, mapped.ErrorCode, mapped);
        return mapped;
    }

    private sealed class AttemptState<T>(Func<CancellationToken, Task<T>> send, Func<IReadOnlyList<string>> secrets)
    {
        public Func<CancellationToken, Task<T>> Send { get; } = send;

        public Func<IReadOnlyList<string>> Secrets { get; } = secrets;

        public int Attempts { get; set; }
    }
}
