using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>Finds the official CodePipeline model (botocore's <c>codepipeline/2015-07-09/service-2.json[.gz]</c>).</summary>
internal static class ModelFile
{
    private const string RelativePath = "data/codepipeline/2015-07-09/service-2.json";

    private static readonly string[] KnownBotocoreDirectories =
    [
        "/usr/lib/python3/dist-packages/botocore",
        "/usr/lib/google-cloud-sdk/lib/third_party/botocore",
    ];

    /// <summary>The model of the botocore that python3 imports first (the newest one, usually), else a known copy.</summary>
    public static JsonElement? Load()
    {
        var directories = new List<string>();
        if (PythonBotocoreDirectory() is { } fromPython)
        {
            directories.Add(fromPython);
        }

        directories.AddRange(KnownBotocoreDirectories);
        foreach (var directory in directories)
        {
            var path = Path.Combine(directory, RelativePath);
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            }

            if (File.Exists(path + ".gz"))
            {
                using var gzip = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
                return JsonDocument.Parse(gzip).RootElement.Clone();
            }
        }

        return null;
    }

    private static string? PythonBotocoreDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(30_000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
