namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>A fixture with a fresh directory under the temp path for every test (<see cref="Sandbox"/>), deleted after it.</summary>
public abstract class SandboxTest
{
    private readonly string _prefix;

    /// <param name="prefix">The start of the directory's name (<c>tpj-…-</c>), to tell a leftover's fixture.</param>
    protected SandboxTest(string prefix) => _prefix = prefix;

    protected string Sandbox { get; private set; } = null!;

    [SetUp]
    public void CreateSandbox()
    {
        Sandbox = Path.Combine(Path.GetTempPath(), _prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Sandbox);
    }

    [TearDown]
    public void DeleteSandbox() => Directory.Delete(Sandbox, recursive: true);
}

/// <summary>
/// The sandbox of the hostile-archive tests: archives go in <c>archives</c>, and the extraction target,
/// <see cref="Target"/>, is <c>work/out</c>, not created, so that a test sees whatever an extraction creates.
/// </summary>
public abstract class ExtractionSandboxTest : SandboxTest
{
    protected ExtractionSandboxTest(string prefix)
        : base(prefix)
    {
    }

    protected string Target { get; private set; } = null!;

    [SetUp]
    public void CreateArchivesDirectory()
    {
        Directory.CreateDirectory(Path.Combine(Sandbox, "archives"));
        Target = Path.Combine(Sandbox, "work", "out");
    }
}
