using Amazon;
using Amazon.Extensions.NETCore.Setup;

namespace ThirdPartyJobs.Tests.Client;

/// <summary>
/// Issue 13: AWS settings that cannot work fail at construction with <see cref="AwsConfigurationException"/>
/// (never a raw SDK exception type), naming the settings looked at, never saying "(null)".
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AwsConfigurationTests
{
    private static readonly string[] CredentialVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_REGION", "AWS_DEFAULT_REGION",
    ];

    private Dictionary<string, string?> _saved = [];
    private string _empty = "";

    [SetUp]
    public void IsolateFromTheMachinesAwsSettings()
    {
        _saved = CredentialVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        foreach (var name in CredentialVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        // Empty shared files: no profile, no credentials, whatever the machine has in ~/.aws.
        _empty = Path.Combine(Path.GetTempPath(), "tpj-aws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_empty);
        File.WriteAllText(Path.Combine(_empty, "credentials"), "");
        File.WriteAllText(Path.Combine(_empty, "config"), "");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_empty, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(_empty, "config"));
    }

    [TearDown]
    public void Restore()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Directory.Delete(_empty, recursive: true);
    }

    [Test]
    public void Missing_credentials_fail_at_construction()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(new AWSOptions { Region = RegionEndpoint.EUWest1 }));

        AssertNamesSettings(error!, "Credentials", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWSOptions.Credentials");
    }

    [Test]
    public void An_unknown_profile_fails_at_construction()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(new AWSOptions { Profile = "no-such-profile", Region = RegionEndpoint.EUWest1 }));

        AssertNamesSettings(error!, "Profile", "AWSOptions.Profile", "AWS_PROFILE", "'no-such-profile'");
    }

    [TestCase("not a url")]
    [TestCase("ftp://127.0.0.1/")]
    [TestCase("/relative/path")]
    public void An_invalid_service_url_fails_at_construction(string serviceUrl)
    {
        var aws = new AWSOptions
        {
            Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE000000001", "secret-example"),
            DefaultClientConfig = { ServiceURL = serviceUrl },
        };

        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(aws));

        AssertNamesSettings(error!, "ServiceURL", "ServiceURL", serviceUrl);
    }

    [Test]
    public void No_region_and_no_service_url_fails_at_construction()
    {
        var aws = new AWSOptions { Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE000000001", "secret-example") };

        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(aws));

        AssertNamesSettings(error!, "Region", "AWS_REGION", "ServiceURL");
    }

    [Test]
    public void It_is_one_of_the_librarys_exceptions_and_never_quotes_the_secret_key()
    {
        var aws = new AWSOptions
        {
            Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE000000001", "CANARY-secret-key"),
            DefaultClientConfig = { ServiceURL = "::" },
        };

        var error = Assert.Throws<AwsConfigurationException>(() => _ = ThirdPartyJobClient.Create(aws));

        Assert.That(error, Is.InstanceOf<ThirdPartyJobException>());
        Assert.That(error!.ToString(), Does.Not.Contain("CANARY"));
    }

    private static void AssertNamesSettings(AwsConfigurationException error, string setting, params string[] named)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Setting, Is.EqualTo(setting));
            foreach (var name in named)
            {
                Assert.That(error.Message, Does.Contain(name));
            }

            Assert.That(error.Message, Does.Not.Contain("(null)"));
            Assert.That(error.Attempts, Is.EqualTo(1));
        });
    }
}
