using System.ComponentModel;
using System.Diagnostics;

namespace ThirdPartyJobs.Testing.S3;

/// <summary>Finds and runs Node.js and npm.</summary>
internal static class NodeTools
{
    public const string Node = "node";

    public const string MissingHint = "LocalS3Server runs s3rver, a local S3 server on Node.js: install Node.js 18 or later with npm and make sure both are on PATH.";

    public static string Npm => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    /// <summary>Whether <paramref name="command"/> is an executable file in a directory of <c>PATH</c>. Never throws.</summary>
    public static bool IsOnPath(string command) =>
        IsOnPath(command, Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("PATHEXT"));

    /// <summary>Whether <paramref name="command"/> is an executable file in a directory of <paramref name="path"/>. Never throws.</summary>
    public static bool IsOnPath(string command, string? path, string? pathExtensions)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        // On Windows "node" is node.exe and npm is npm.cmd: try the PATHEXT extensions when the name has none.
        var names = OperatingSystem.IsWindows() && !Path.HasExtension(command)
            ? (pathExtensions ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(extension => command + extension).Prepend(command)
            : [command];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                try
                {
                    if (IsExecutable(Path.Combine(directory.Trim('"'), name)))
                    {
                        return true;
                    }
                }
                catch (Exception error) when (error is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    // A malformed or unreadable PATH entry: skip it.
                }
            }
        }

        return false;
    }

    /// <summary>Starts <paramref name="process"/>, turning "not found" into a message that says what to install.</summary>
    public static void Start(Process process)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"Could not start '{process.StartInfo.FileName}': {error.Message}. {MissingHint}", error);
        }
    }

    /// <summary>Runs a command to its end within <paramref name="timeout"/>; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        Start(process);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', start.ArgumentList)}' in {workingDirectory} did not finish within {timeout.TotalMinutes:0.#} min.");
        }

        return (process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
