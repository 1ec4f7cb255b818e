using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ThirdPartyJobs.Testing.S3;

/// <summary>
/// The Node.js child process that runs s3rver (<c>serve.js</c>): started with a data directory and buckets, ready
/// once it prints its listening line; stopped by closing its standard input (killed if it lingers), after which
/// its data directory is deleted. Its standard error is kept for diagnostics.
/// </summary>
internal sealed partial class S3rverProcess(Process process, StringBuilder errors, Uri serviceUrl, string dataDirectory)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public Uri ServiceUrl { get; } = serviceUrl;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Starts <c>serve.js</c> from <paramref name="installDirectory"/> and waits for its listening line.</summary>
    public static async Task<S3rverProcess> StartAsync(string installDirectory, IReadOnlyList<string> buckets, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tpj-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo(NodeTools.Node)
        {
            WorkingDirectory = installDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(installDirectory, "serve.js"));
        start.ArgumentList.Add(dataDirectory);
        foreach (var bucket in buckets)
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

        try
        {
            NodeTools.Start(process);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var url = await listening.Task.WaitAsync(startTimeout, cancellationToken).ConfigureAwait(false);
                return new S3rverProcess(process, errors, url, dataDirectory);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"s3rver did not report that it was listening within {startTimeout.TotalSeconds:0.#} s. stderr:\n{Snapshot(errors)}");
            }
        }
        catch
        {
            await StopAsync(process, dataDirectory).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What s3rver wrote to its standard error so far.</summary>
    public string StandardError() => Snapshot(errors);

    /// <summary>Stops the process and deletes its data.</summary>
    public Task StopAsync() => StopAsync(process, DataDirectory);

    private static async Task StopAsync(Process process, string dataDirectory)
    {
        try
        {
            if (!process.HasExited)
            {
                // Closing stdin asks serve.js to exit; kill it if it does not.
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started.
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
