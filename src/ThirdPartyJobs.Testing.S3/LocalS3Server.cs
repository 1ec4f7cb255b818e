using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ThirdPartyJobs.Testing.S3;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// A real S3-protocol server on 127.0.0.1 and a free port, for integration tests and offline demos of code that
/// moves job artifacts: s3rver (an npm package, pinned by this library) run by Node.js in a child process.
/// <see cref="StartAsync"/> installs s3rver on first use with <c>npm ci</c> (see
/// <see cref="LocalS3ServerOptions.InstallDirectory"/>), starts it with the given buckets and waits until it
/// answers; <see cref="DisposeAsync"/> stops it and deletes its data. The server also exits by itself when the
/// process that started it dies (it watches its standard input).
/// </summary>
/// <remarks>
/// s3rver accepts only the access key id <see cref="AccessKeyId"/>; it does not verify signatures, session tokens
/// or server-side-encryption headers, and requests without credentials are allowed. Needs Node.js 18 or later and,
/// for the first install, npm (see <see cref="IsAvailable"/>).
/// </remarks>
/// <example>
/// With the CodePipeline emulator (package ThirdPartyJobs.Testing; this package does not depend on it):
/// <code>
/// await using var s3 = await LocalS3Server.StartAsync(["artifacts"]);
/// await s3.PutObjectAsync("artifacts", "pipeline/source.zip", zipBytes);
/// var jobId = emulator.CreateJob(actionType, new JobSpec
/// {
///     ArtifactCredentials = new EmulatorCredential(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, LocalS3Server.SessionToken),
///     InputArtifacts = { new ArtifactSpec("SourceOutput", "artifacts", "pipeline/source.zip") },
///     OutputArtifacts = { new ArtifactSpec("BuildOutput", "artifacts", "pipeline/build.zip") },
/// });
/// // point the S3 client at s3.ServiceUrl (path-style addressing); afterwards:
/// byte[]? output = await s3.GetObjectAsync("artifacts", "pipeline/build.zip");
/// </code>
/// </example>
public sealed partial class LocalS3Server : IAsyncDisposable
{
    /// <summary>The only access key id s3rver accepts.</summary>
    public const string AccessKeyId = "S3RVER";

    /// <summary>s3rver's secret access key (it does not verify signatures).</summary>
    public const string SecretAccessKey = "S3RVER";

    /// <summary>A session token to hand out with the keys above, e.g. as a job's artifact credentials (s3rver ignores session tokens).</summary>
    public const string SessionToken = "S3RVER-SESSION-TOKEN";

    private readonly S3rverProcess _process;
    private readonly HttpClient _http;
    private int _disposed;

    private LocalS3Server(S3rverProcess process, IReadOnlyList<string> buckets)
    {
        _process = process;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        Buckets = buckets;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:45123/</c>. Address buckets by path (<c>ForcePathStyle</c>).</summary>
    public Uri ServiceUrl => _process.ServiceUrl;

    /// <summary>Where s3rver keeps its objects; deleted on dispose.</summary>
    public string DataDirectory => _process.DataDirectory;

    /// <summary>The buckets created at start.</summary>
    public IReadOnlyList<string> Buckets { get; }

    /// <summary>
    /// Whether Node.js (<c>node</c>) and npm are on <c>PATH</c>, i.e. whether <see cref="StartAsync"/> can work.
    /// Looks at <c>PATH</c> only; starts nothing and never throws.
    /// </summary>
    /// <returns><see langword="true"/> when both were found.</returns>
    public static bool IsAvailable() => NodeTools.IsOnPath(NodeTools.Node) && NodeTools.IsOnPath(NodeTools.Npm);

    /// <summary>
    /// Whether s3rver is installed already where <paramref name="options"/> say, so <see cref="StartAsync"/> will not
    /// run <c>npm ci</c> first (which takes a while on a fresh machine). Never throws for a missing install.
    /// </summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when a complete, current install is there.</returns>
    public static bool IsInstalled(LocalS3ServerOptions? options = null)
    {
        options ??= new LocalS3ServerOptions();
        options.Validate();
        var package = S3rverPackage.Locate(AppContext.BaseDirectory);
        return S3rverInstaller.IsInstalled(package, S3rverInstaller.InstallDirectory(package, options));
    }

    /// <summary>
    /// Installs the pinned s3rver with <c>npm ci</c> unless a current install is there already (see
    /// <see cref="LocalS3ServerOptions.InstallDirectory"/>). Safe to call from several threads and processes at
    /// once: a lock file serializes installs. <see cref="StartAsync"/> calls it.
    /// </summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the install.</param>
    /// <returns>The install directory (it holds <c>serve.js</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, or <c>npm ci</c> failed; the message says which and what npm printed.</exception>
    public static async Task<string> EnsureInstalledAsync(LocalS3ServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalS3ServerOptions();
        options.Validate();
        var package = S3rverPackage.Locate(AppContext.BaseDirectory);
        var directory = S3rverInstaller.InstallDirectory(package, options);
        await S3rverInstaller.EnsureInstalledAsync(package, directory, options.InstallTimeout, cancellationToken).ConfigureAwait(false);
        return directory;
    }

    /// <summary>Installs s3rver when needed, starts it on a free port of 127.0.0.1 with <paramref name="buckets"/>, and waits until it answers.</summary>
    /// <param name="buckets">Buckets to create (S3 bucket names: 3-63 of lower-case letters, digits, dots and hyphens); may be empty.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels installing and starting.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">A bucket name is invalid or repeated, or <paramref name="options"/> are invalid.</exception>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, the install failed, or the server did not start; the message says which and how to fix it.</exception>
    public static async Task<LocalS3Server> StartAsync(IEnumerable<string> buckets, LocalS3ServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var bucketList = buckets.ToArray();
        foreach (var bucket in bucketList)
        {
            ThrowIfInvalidBucket(bucket, nameof(buckets));
        }

        if (bucketList.Distinct(StringComparer.Ordinal).Count() != bucketList.Length)
        {
            throw new ArgumentException($"Bucket names must be distinct: {string.Join(", ", bucketList)}.", nameof(buckets));
        }

        options ??= new LocalS3ServerOptions();
        options.Validate();
        var installDirectory = await EnsureInstalledAsync(options, cancellationToken).ConfigureAwait(false);
        var process = await S3rverProcess.StartAsync(installDirectory, bucketList, options.StartTimeout, cancellationToken).ConfigureAwait(false);
        var server = new LocalS3Server(process, bucketList);
        try
        {
            await server.WaitUntilAnsweringAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stores an object (without credentials; s3rver allows that), e.g. to seed a job's input artifact.</summary>
    /// <param name="bucket">One of <see cref="Buckets"/> (or a bucket created since).</param>
    /// <param name="key">The object key, e.g. <c>pipeline/SourceOutput/source.zip</c>.</param>
    /// <param name="content">The object's bytes.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the object is stored.</returns>
    /// <exception cref="ArgumentException">Invalid bucket name or empty key.</exception>
    /// <exception cref="InvalidOperationException">s3rver refused the request; the message has its answer.</exception>
    public async Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var url = ObjectUrl(bucket, key);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var body = new ReadOnlyMemoryContent(content);
        using var response = await _http.PutAsync(url, body, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, "PUT", bucket, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an object (without credentials), e.g. to check what a job uploaded.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object's bytes, or <see langword="null"/> when there is no such object.</returns>
    /// <exception cref="ArgumentException">Invalid bucket name or empty key.</exception>
    /// <exception cref="InvalidOperationException">s3rver refused the request (e.g. no such bucket); the message has its answer.</exception>
    public async Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var url = ObjectUrl(bucket, key);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (answer.Contains("<Code>NoSuchKey</Code>", StringComparison.Ordinal))
            {
                return null;
            }
        }

        await ThrowIfFailedAsync(response, "GET", bucket, key, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What s3rver wrote to its standard error so far (for diagnosing a failed test).</summary>
    /// <returns>The text.</returns>
    public string StandardError() => _process.StandardError();

    /// <summary>Describes the server: its address and buckets.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"LocalS3Server {{ ServiceUrl = {ServiceUrl}, Buckets = [{string.Join(", ", Buckets)}] }}";

    /// <summary>Stops the server and deletes its data. Safe to call more than once.</summary>
    /// <returns>A task that completes when the server has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _http.Dispose();
        await _process.StopAsync().ConfigureAwait(false);
    }

    private static void ThrowIfInvalidBucket(string bucket, string parameterName)
    {
        if (bucket is null || !BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{bucket}' is not a valid S3 bucket name: 3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit.", parameterName);
        }
    }

    private Uri ObjectUrl(string bucket, string key)
    {
        ThrowIfInvalidBucket(bucket, nameof(bucket));
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Encoding.UTF8.GetByteCount(key) > 1024)
        {
            throw new ArgumentException("An S3 object key is at most 1024 bytes long.", nameof(key));
        }

        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return new Uri(ServiceUrl, $"{bucket}/{path}");
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string method, string bucket, string key, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"s3rver answered {method} {bucket}/{key} with HTTP {(int)response.StatusCode}: {answer}");
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Wall-clock polling on purpose: this waits for a real process to come up.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(ServiceUrl, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"s3rver at {ServiceUrl} did not answer within {timeout.TotalSeconds:0.#} s. stderr:\n{StandardError()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
