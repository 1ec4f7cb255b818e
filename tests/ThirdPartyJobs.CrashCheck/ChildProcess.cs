using System.Diagnostics;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.CrashCheck;

/// <summary>The worker's child process: this executable again, with <see cref="ChildWorker.Flag"/>.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static async Task<ChildProcess> StartAsync(CodePipelineEmulator emulator, RegisteredActionType actionType, string journal)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Under "dotnet run" this is the apphost; under "dotnet <dll>", dotnet itself.
        var path = Environment.ProcessPath!;
        start.FileName = path;
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in new[] { ChildWorker.Flag, emulator.ServiceUrl, emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey, emulator.Region, actionType.Provider, actionType.ClientId, actionType.ClientToken, journal })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && Environment.GetEnvironmentVariable("CRASHCHECK_VERBOSE") is not null)
            {
                Console.Error.WriteLine("  child: " + line);
            }
        };
        process.BeginErrorReadLine();
        var started = await process.StandardOutput.ReadLineAsync();
        if (started != "started")
        {
            throw new InvalidOperationException($"The child worker did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
        }

        process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => { }, TaskScheduler.Default).Forget();
        return new ChildProcess(process);
    }

    /// <summary>SIGKILL: no clean-up, no shutdown handler, as with an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}

internal static class TaskExtensions
{
    public static void Forget(this Task task) => _ = task;
}
