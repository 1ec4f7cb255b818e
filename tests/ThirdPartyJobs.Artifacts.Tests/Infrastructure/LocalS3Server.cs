using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>
/// A real S3-protocol server (the npm package s3rver, pinned in <c>tools/s3rver</c>) on 127.0.0.1
/// and a free port. <see cref="StartAsync"/> installs it into the git-ignored <c>.tools/s3rver</c>
/// with <c>npm ci</c> when it is missing or stale, starts it with the given buckets and waits until
/// it answers; <see cref="DisposeAsync"/> stops it and deletes its data. The server also exits by
/// itself when the process that started it dies (it watches its stdin).
/// </summary>
public sealed partial class LocalS3Server : IAsyncDisposable
{
    /// <summary>The only access key id s3rver accepts.</summary>
    public const string AccessKeyId = "S3RVER";

    /// <summary>s3rver's secret key (it does not verify SigV4 signatures).</summary>
    public const string SecretAccessKey = "S3RVER";

    private static readonly string[] InstalledFiles = ["package.json", "package-lock.json", ".npmrc", "serve.js"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _errors;

    private LocalS3Server(Process process, StringBuilder errors, Uri serviceUrl, string dataDirectory, IReadOnlyList<string> buckets)
    {
        _process = process;
        _errors = errors;
        ServiceUrl = serviceUrl;
        DataDirectory = dataDirectory;
        Buckets = buckets;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:45123/</c>.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Where s3rver keeps its objects (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>The buckets created at start.</summary>
    public IReadOnlyList<string> Buckets { get; }

    /// <summary>Installs s3rver when needed, starts it with <paramref name="buckets"/> and waits until it answers.</summary>
    /// <param name="buckets">Buckets to create at start.</param>
    /// <param name="cancellationToken">Cancels installing and starting.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, the install failed, or the server did not start; the message says which and how to fix it.</exception>
    public static async Task<LocalS3Server> StartAsync(IEnumerable<string> buckets, CancellationToken cancellationToken = default)
    {
        var bucketList = buckets.ToArray();
        var installDirectory = await EnsureInstalledAsync(cancellationToken);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tpj-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = installDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(installDirectory, "serve.js"));
        start.ArgumentList.Add(dataDirectory);
        foreach (var bucket in bucketList)
        {
            start.ArgumentList.Add(bucket);
        }

        var errors = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && ListeningLine().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri($"http://{match.Groups["address"].Value}:{match.Groups["port"].Value}/"));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (errors)
                {
                    errors.AppendLine(text);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"s3rver exited with code {process.ExitCode} before it was ready. stderr:\n{Snapshot(errors)}"));

        var server = default(LocalS3Server);
        try
        {
            StartProcess(process, "node");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            server = new LocalS3Server(process, errors, url, dataDirectory, bucketList);
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch (TimeoutException)
        {
            await StopAsync(process, dataDirectory);
            throw new InvalidOperationException($"s3rver did not report that it was listening within {StartTimeout.TotalSeconds} s. stderr:\n{Snapshot(errors)}");
        }
        catch
        {
            await StopAsync(process, dataDirectory);
            throw;
        }
    }

    /// <summary>
    /// Makes sure the pinned s3rver is installed in <c>.tools/s3rver</c> under the repository root
    /// (found by walking up from the test assembly to <c>tools/s3rver/package-lock.json</c>), running
    /// <c>npm ci</c> there when the installed lock file differs from the committed one. Safe to call
    /// from several test processes at once (a lock file serializes installs).
    /// </summary>
    /// <param name="cancellationToken">Cancels the install.</param>
    /// <returns>The install directory, holding <c>serve.js</c>.</returns>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var repository = FindRepositoryRoot();
        var source = Path.Combine(repository, "tools", "s3rver");
        var target = Path.Combine(repository, ".tools", "s3rver");
        Directory.CreateDirectory(target);

        await using var installLock = await AcquireLockAsync(Path.Combine(repository, ".tools", "s3rver.install.lock"), cancellationToken);
        if (IsCurrent(source, target))
        {
            return target;
        }

        RequireTool("node", "--version");
        RequireTool(NpmFileName, "--version");
        foreach (var file in InstalledFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }

        var (exitCode, output) = await RunAsync(NpmFileName, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], target, InstallTimeout, cancellationToken);
        if (exitCode != 0 || !File.Exists(Path.Combine(target, "node_modules", "s3rver", "package.json")))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {target} failed with exit code {exitCode}; the artifact integration tests need s3rver. npm said:\n{output}");
        }

        return target;
    }

    /// <summary>Stops the server and deletes its data.</summary>
    /// <returns>A task that completes when the server has exited.</returns>
    public async ValueTask DisposeAsync() => await StopAsync(_process, DataDirectory);

    /// <summary>What s3rver wrote to stderr so far (for diagnosing a failed test).</summary>
    /// <returns>The text.</returns>
    public string StandardError() => Snapshot(_errors);

    private static string NpmFileName => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(ServiceUrl, cancellationToken);
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
                throw new InvalidOperationException($"s3rver at {ServiceUrl} did not answer within {StartTimeout.TotalSeconds} s. stderr:\n{StandardError()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task StopAsync(Process process, string dataDirectory)
    {
        try
        {
            if (!process.HasExited)
            {
                // Closing stdin asks serve.js to exit; kill it if it does not.
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    private static bool IsCurrent(string source, string target) =>
        File.Exists(Path.Combine(target, "node_modules", "s3rver", "package.json"))
        && InstalledFiles.All(file =>
            File.Exists(Path.Combine(target, file))
            && File.ReadAllBytes(Path.Combine(source, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(target, file))));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "s3rver", "package-lock.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find tools/s3rver/package-lock.json above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }

    private static void RequireTool(string fileName, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit(30_000);
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException(
                $"'{fileName}' was not found on PATH. The artifact integration tests run a local S3 server (s3rver) on Node.js: install Node.js 18 or later with npm, then run the tests again.",
                error);
        }
    }

    private static void StartProcess(Process process, string what)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException(
                $"'{what}' was not found on PATH. The artifact integration tests run a local S3 server (s3rver) on Node.js: install Node.js 18 or later with npm, then run the tests again.",
                error);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        StartProcess(process, fileName);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout.TotalMinutes} min.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    [GeneratedRegex(@"S3rver listening on (?<address>[0-9.]+):(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
