using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// Starts one real S3-protocol server (s3rver, installed on first use) for all integration tests
/// (<see cref="LocalS3Server"/> from ThirdPartyJobs.Testing) and stops it at the end. Fails, never
/// skips, when Node.js is missing.
/// </summary>
[SetUpFixture]
public sealed class S3ServerFixture
{
    private static LocalS3Server? _server;

    public static LocalS3Server Server => _server ?? throw new InvalidOperationException("The S3 server has not been started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await LocalS3Server.StartAsync([TestJobs.Bucket]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
