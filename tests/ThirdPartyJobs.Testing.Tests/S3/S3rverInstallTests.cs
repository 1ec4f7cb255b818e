using ThirdPartyJobs.Testing.S3;

namespace ThirdPartyJobs.Testing.Tests.S3;

/// <summary>Where s3rver comes from and where it is installed: a clone's tools/s3rver, else the embedded copy and a per-user cache.</summary>
public sealed class S3rverInstallTests
{
    private readonly List<string> _directories = [];

    [TearDown]
    public void DeleteDirectories()
    {
        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }

        _directories.Clear();
    }

    [Test]
    public void Inside_a_clone_the_repository_copy_is_used_and_the_embedded_copy_matches_it()
    {
        var repository = S3rverPackage.FromRepository(AppContext.BaseDirectory);
        var embedded = S3rverPackage.Embedded();

        Assert.That(repository, Is.Not.Null, "the tests run from a clone");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(repository!.RepositoryRoot!, "tools", "s3rver", "package-lock.json")), Is.True);
            Assert.That(S3rverPackage.Locate(AppContext.BaseDirectory).RepositoryRoot, Is.EqualTo(repository.RepositoryRoot));
            Assert.That(embedded.RepositoryRoot, Is.Null);
            Assert.That(embedded.Hash, Is.EqualTo(repository.Hash).And.Match("^[0-9a-f]{16}$"));
            foreach (var name in S3rverPackage.FileNames)
            {
                Assert.That(embedded.Files[name], Is.EqualTo(repository.Files[name]), name);
            }
        });
    }

    [Test]
    public void Outside_a_clone_the_embedded_copy_is_installed_into_the_user_cache_under_its_hash()
    {
        var outside = NewDirectory();
        var package = S3rverPackage.Locate(outside);
        var cache = S3rverInstaller.UserCacheDirectory(Environment.GetEnvironmentVariable);

        Assert.Multiple(() =>
        {
            Assert.That(package.RepositoryRoot, Is.Null);
            Assert.That(S3rverInstaller.InstallDirectory(package, new LocalS3ServerOptions()), Is.EqualTo(Path.Combine(cache, "thirdpartyjobs", "s3rver-" + package.Hash)));
            Assert.That(S3rverInstaller.InstallDirectory(package, new LocalS3ServerOptions { InstallDirectory = outside }), Is.EqualTo(outside));
        });
    }

    [Test]
    public void Inside_a_clone_s3rver_is_installed_into_the_git_ignored_tools_folder()
    {
        var package = S3rverPackage.Locate(AppContext.BaseDirectory);
        Assert.That(S3rverInstaller.InstallDirectory(package, new LocalS3ServerOptions()), Is.EqualTo(Path.Combine(package.RepositoryRoot!, ".tools", "s3rver")));
    }

    [Test]
    [Platform(Include = "Linux")]
    public void The_user_cache_follows_XDG_CACHE_HOME_else_HOME()
    {
        Dictionary<string, string?> environment = new() { ["XDG_CACHE_HOME"] = "/var/cache/me", ["HOME"] = "/home/me" };
        Assert.Multiple(() =>
        {
            Assert.That(S3rverInstaller.UserCacheDirectory(name => environment.GetValueOrDefault(name)), Is.EqualTo("/var/cache/me"));
            environment["XDG_CACHE_HOME"] = "relative/ignored";
            Assert.That(S3rverInstaller.UserCacheDirectory(name => environment.GetValueOrDefault(name)), Is.EqualTo("/home/me/.cache"));
            environment["XDG_CACHE_HOME"] = null;
            Assert.That(S3rverInstaller.UserCacheDirectory(name => environment.GetValueOrDefault(name)), Is.EqualTo("/home/me/.cache"));
        });
    }

    [Test]
    public async Task Concurrent_installs_of_the_embedded_copy_into_a_fresh_directory_make_one_install_that_starts()
    {
        var options = new LocalS3ServerOptions { InstallDirectory = Path.Combine(NewDirectory(), "s3rver") };
        Assert.That(LocalS3Server.IsInstalled(options), Is.False);

        var embedded = S3rverPackage.Embedded();
        var directory = Path.GetFullPath(options.InstallDirectory!);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => S3rverInstaller.EnsureInstalledAsync(embedded, directory, options.InstallTimeout, CancellationToken.None))));

        Assert.Multiple(async () =>
        {
            Assert.That(LocalS3Server.IsInstalled(options), Is.True, "the embedded files are the repository's, so the install is current");
            Assert.That(await LocalS3Server.EnsureInstalledAsync(options), Is.EqualTo(directory));
            Assert.That(File.ReadAllText(Path.Combine(directory, S3rverInstaller.MarkerFileName)), Is.EqualTo(embedded.Hash));
            Assert.That(File.ReadAllBytes(Path.Combine(directory, "serve.js")), Is.EqualTo(embedded.Files["serve.js"]));
            Assert.That(File.Exists(Path.Combine(directory, "node_modules", "s3rver", "package.json")), Is.True);
        });

        await using var server = await LocalS3Server.StartAsync(["fresh-install"], options);
        await server.PutObjectAsync("fresh-install", "k", "v"u8.ToArray());
        Assert.That(await server.GetObjectAsync("fresh-install", "k"), Is.EqualTo("v"u8.ToArray()));
    }

    [Test]
    public void An_install_is_not_current_without_its_marker_or_with_a_marker_of_other_files()
    {
        var package = S3rverPackage.Embedded();
        var directory = NewDirectory();
        Directory.CreateDirectory(Path.Combine(directory, "node_modules", "s3rver"));
        File.WriteAllText(Path.Combine(directory, "node_modules", "s3rver", "package.json"), "{}");
        File.WriteAllText(Path.Combine(directory, "serve.js"), "// serve");

        Assert.Multiple(() =>
        {
            Assert.That(S3rverInstaller.IsInstalled(package, directory), Is.False, "no marker: an interrupted npm ci");
            File.WriteAllText(Path.Combine(directory, S3rverInstaller.MarkerFileName), "0123456789abcdef");
            Assert.That(S3rverInstaller.IsInstalled(package, directory), Is.False, "installed from other files");
            File.WriteAllText(Path.Combine(directory, S3rverInstaller.MarkerFileName), package.Hash);
            Assert.That(S3rverInstaller.IsInstalled(package, directory), Is.True);
            Assert.That(S3rverInstaller.IsInstalled(package, Path.Combine(directory, "missing")), Is.False);
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void IsOnPath_finds_executables_only_and_never_throws()
    {
        var bin = NewDirectory();
        var node = Path.Combine(bin, "node");
        File.WriteAllText(node, "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(bin, "npm"), "not executable");
        File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = string.Join(Path.PathSeparator, "/no/such/dir", "", "\0bad", bin);

        Assert.Multiple(() =>
        {
            Assert.That(NodeTools.IsOnPath("node", path, null), Is.True);
            Assert.That(NodeTools.IsOnPath("npm", path, null), Is.False, "not executable");
            Assert.That(NodeTools.IsOnPath("node", null, null), Is.False);
            Assert.That(NodeTools.IsOnPath("node", "", null), Is.False);
        });
    }

    private string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tpj-s3rver-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        _directories.Add(path);
        return path;
    }
}
