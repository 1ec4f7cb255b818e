namespace ThirdPartyJobs.Tests.Client;

/// <summary>The arrangement of the transport-level client fixtures: a scripted transport and a client with default options on it, per test.</summary>
public abstract class ScriptedClientFixture
{
    private protected ScriptedTransport Transport { get; private set; } = null!;

    protected IThirdPartyJobClient Client { get; private set; } = null!;

    [SetUp]
    public void CreateClient()
    {
        Transport = new ScriptedTransport();
        Client = new CodePipelineThirdPartyJobClient(Transport.Object, new ThirdPartyJobsOptions(), null);
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();
}
