using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>
/// The arrangement the real-HTTP fixtures share: a canned server on 127.0.0.1 per test and a client on
/// the real SDK pipeline against it (made on first use with <see cref="ClientOptions"/>), both disposed after the test.
/// </summary>
public abstract class LoopbackFixture
{
    private IThirdPartyJobClient? _client;

    private protected CannedHttpServer Server { get; private set; } = null!;

    /// <summary>The fixture's client.</summary>
    protected IThirdPartyJobClient Client => _client ??= NewClient(ClientOptions, ClientLoggerFactory);

    /// <summary>The options of <see cref="Client"/>; by default <see cref="LoopbackClient"/>'s.</summary>
    protected virtual ThirdPartyJobsOptions? ClientOptions => null;

    /// <summary>Where <see cref="Client"/> logs; by default nowhere.</summary>
    protected virtual ILoggerFactory? ClientLoggerFactory => null;

    [SetUp]
    public void StartServer()
    {
        Server = new CannedHttpServer();
        _client = null;
    }

    [TearDown]
    public void StopServer()
    {
        _client?.Dispose();
        Server.Dispose();
    }

    /// <summary>Another client against <see cref="Server"/>; the caller disposes it.</summary>
    protected IThirdPartyJobClient NewClient(ThirdPartyJobsOptions? options = null, ILoggerFactory? loggerFactory = null, AWSOptions? awsOptions = null) =>
        LoopbackClient.Create(Server.BaseUrl, options, loggerFactory, awsOptions);
}
