using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ThirdPartyJobs.Testing.S3;

/// <summary>
/// The four files that define the pinned s3rver install (<c>package.json</c>, <c>package-lock.json</c>,
/// <c>.npmrc</c>, <c>serve.js</c>): from <c>tools/s3rver</c> of a clone of the repository when one is found
/// above the application, else the copies embedded in this assembly (the NuGet package case).
/// </summary>
internal sealed class S3rverPackage
{
    /// <summary>The files, in the order they are hashed.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["package.json", "package-lock.json", ".npmrc", "serve.js"];

    private const string ResourcePrefix = "ThirdPartyJobs.Testing.S3.s3rver.";

    private S3rverPackage(IReadOnlyDictionary<string, byte[]> files, string? repositoryRoot)
    {
        Files = files;
        RepositoryRoot = repositoryRoot;
        Hash = ComputeHash(files);
    }

    /// <summary>The files' contents by name.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>The root of the clone the files came from; null for the embedded copies.</summary>
    public string? RepositoryRoot { get; }

    /// <summary>16 hex digits of a SHA-256 over the files: names the install and tells a stale one.</summary>
    public string Hash { get; }

    /// <summary>The repository's copy when <paramref name="startDirectory"/> is inside a clone, else the embedded one.</summary>
    public static S3rverPackage Locate(string startDirectory) => FromRepository(startDirectory) ?? Embedded();

    /// <summary>Walks up from <paramref name="startDirectory"/> to a <c>tools/s3rver</c> folder holding all four files.</summary>
    public static S3rverPackage? FromRepository(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var source = Path.Combine(directory.FullName, "tools", "s3rver");
            if (FileNames.All(name => File.Exists(Path.Combine(source, name))))
            {
                return new S3rverPackage(FileNames.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(source, name)), StringComparer.Ordinal), directory.FullName);
            }
        }

        return null;
    }

    /// <summary>The copies embedded in this assembly at build time.</summary>
    public static S3rverPackage Embedded()
    {
        var assembly = typeof(S3rverPackage).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in FileNames)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The embedded s3rver file '{name}' is missing from {assembly.GetName().Name}; the package is damaged.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = copy.ToArray();
        }

        return new S3rverPackage(files, repositoryRoot: null);
    }

    private static string ComputeHash(IReadOnlyDictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in FileNames)
        {
            // Line endings normalized: a Windows checkout (CRLF) and the package hash alike.
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files[name]).Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        return string.Concat(hash.GetHashAndReset().Take(8).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
