using System.IO.Compression;
using System.Text;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// The local S3 server (s3rver from ThirdPartyJobs.Testing) holding the demo pipeline's artifact bucket, seeded with a
/// small source ZIP, so that the offline demo jobs have real artifacts to download and upload.
/// </summary>
internal sealed class OfflineArtifactStore : IAsyncDisposable
{
    public const string Bucket = "demo-artifact-bucket";
    public const string SourceKey = "demo-pipeline/SourceOutput/source.zip";

    private static readonly Dictionary<string, string> SourceFiles = new(StringComparer.Ordinal)
    {
        ["README.md"] = "# demo-project\n\nA tiny project for the ThirdPartyJobs sample build.\n",
        ["demo.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n",
        ["src/Program.cs"] = "Console.WriteLine(Greeter.Greet(args.FirstOrDefault() ?? \"pipeline\"));\n",
        ["src/Greeter.cs"] = "static class Greeter\n{\n    public static string Greet(string name) => $\"Hello, {name}!\";\n}\n",
    };

    private OfflineArtifactStore(LocalS3Server server, int sourceSize)
    {
        Server = server;
        SourceSize = sourceSize;
    }

    public LocalS3Server Server { get; }

    /// <summary>The size of the seeded source ZIP.</summary>
    public int SourceSize { get; }

    /// <summary>The demo jobs' input artifact: the seeded source ZIP.</summary>
    public static ArtifactSpec Source => new("SourceOutput", Bucket, SourceKey, "8d2c1f0");

    /// <summary>A job's output artifact, at a key of its own.</summary>
    public static ArtifactSpec Output(string key) => new("BuildOutput", Bucket, key);

    /// <summary>
    /// Starts the local S3 server and seeds the source ZIP, or says in one line why not and returns null:
    /// <c>--no-s3</c>, no Node.js/npm on PATH, or an install that failed (e.g. no npm registry reachable).
    /// </summary>
    public static async Task<OfflineArtifactStore?> TryStartAsync(bool disabled, TextWriter output, CancellationToken cancellationToken)
    {
        if (disabled)
        {
            output.WriteLine("Local S3 server off (--no-s3): the demo jobs' artifacts are listed but not transferred.");
            return null;
        }

        if (!LocalS3Server.IsAvailable())
        {
            output.WriteLine("Node.js/npm not found on PATH: skipping the local S3 server and the artifact demo (install Node.js 18+ to see it).");
            return null;
        }

        if (!LocalS3Server.IsInstalled())
        {
            output.WriteLine("Installing the local S3 server (s3rver) with npm ci: first run only, this can take a minute…");
        }

        LocalS3Server? server = null;
        try
        {
            server = await LocalS3Server.StartAsync([Bucket], cancellationToken: cancellationToken);
            var zip = SourceZip();
            await server.PutObjectAsync(Bucket, SourceKey, zip, cancellationToken);
            return new OfflineArtifactStore(server, zip.Length);
        }
        catch (InvalidOperationException error)
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            output.WriteLine($"Local S3 server unavailable ({FirstLine(error.Message)}): skipping the artifact demo.");
            return null;
        }
    }

    public string Describe() =>
        $"Local S3 server (s3rver) at {Server.ServiceUrl}: seeded s3://{Bucket}/{SourceKey} ({SourceFiles.Count} files, {SourceSize:N0}-byte ZIP).";

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static byte[] SourceZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in SourceFiles)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The message's first line, and the next non-empty one when the first ends with a colon (npm's first error line).</summary>
    private static string FirstLine(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        return lines.Count > 1 && lines[0].EndsWith(':') ? $"{lines[0]} {lines[1]}" : lines.FirstOrDefault() ?? "no details";
    }
}
