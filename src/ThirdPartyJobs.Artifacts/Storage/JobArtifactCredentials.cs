using Amazon.Runtime;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// The job's artifact credentials as the S3 client sees them: loaded from the credentials source
/// before each operation and reloaded once when S3 reports them expired. Never falls back to any
/// other identity: with nothing loaded, signing fails.
/// </summary>
internal sealed class JobArtifactCredentials : AWSCredentials, IDisposable
{
    private readonly Func<CancellationToken, ValueTask<SessionCredentials>> _source;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ImmutableCredentials? _current;

    public JobArtifactCredentials(Func<CancellationToken, ValueTask<SessionCredentials>> source) => _source = source;

    /// <summary>The credentials requests are signed with now; null before the first load.</summary>
    public ImmutableCredentials? Current => _current;

    /// <summary>Asks the source for the current credentials (it is expected to cache).</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current = Convert(await _source(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Asks the source again after S3 refused <paramref name="rejected"/> as expired. Returns
    /// whether different credentials are now in use (another operation may have refreshed already).
    /// </summary>
    public async ValueTask<bool> RefreshAsync(ImmutableCredentials? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } current && !Same(current, rejected))
            {
                return true;
            }

            var fresh = Convert(await _source(cancellationToken).ConfigureAwait(false));
            _current = fresh;
            return !Same(fresh, rejected);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The secret strings to scrub from any text that leaves the library.</summary>
    public IReadOnlyList<string> Secrets(ImmutableCredentials? other)
    {
        var secrets = new List<string>(6);
        foreach (var credentials in new[] { _current, other })
        {
            if (credentials is not null)
            {
                secrets.Add(credentials.AccessKey);
                secrets.Add(credentials.SecretKey);
                secrets.Add(credentials.Token);
            }
        }

        return secrets;
    }

    public override ImmutableCredentials GetCredentials() =>
        _current?.Copy() ?? throw new InvalidOperationException("The job's artifact credentials have not been loaded.");

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(GetCredentials());

    public override string ToString() => "JobArtifactCredentials { *** }";

    public void Dispose() => _gate.Dispose();

    private static ImmutableCredentials Convert(SessionCredentials? credentials)
    {
        if (credentials is null)
        {
            throw new InvalidOperationException("The artifact credentials source returned null.");
        }

        // CodePipeline's answer may leave members out (the getters are nullable); S3 cannot sign without a key pair.
        if (credentials.GetAccessKeyId() is not { Length: > 0 } accessKeyId || credentials.GetSecretAccessKey() is not { Length: > 0 } secretAccessKey)
        {
            throw new InvalidOperationException("The job's artifact credentials have no access key id or secret access key; CodePipeline sent incomplete credentials.");
        }

        return new ImmutableCredentials(accessKeyId, secretAccessKey, credentials.GetSessionToken());
    }

    private static bool Same(ImmutableCredentials left, ImmutableCredentials? right) =>
        right is not null
        && string.Equals(left.AccessKey, right.AccessKey, StringComparison.Ordinal)
        && string.Equals(left.SecretKey, right.SecretKey, StringComparison.Ordinal)
        && string.Equals(left.Token, right.Token, StringComparison.Ordinal);
}
