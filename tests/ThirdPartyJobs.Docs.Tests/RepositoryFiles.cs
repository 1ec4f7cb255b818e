namespace ThirdPartyJobs.Docs.Tests;

/// <summary>Finds files of the repository these tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The assembly of another project of the repository, built in the same configuration and framework as these tests.</summary>
    public static string BuiltAssembly(string projectDirectory, string assemblyName)
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        return PathOf(projectDirectory, "bin", baseDirectory.Parent!.Name, baseDirectory.Name, assemblyName);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ThirdPartyJobs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ThirdPartyJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}
