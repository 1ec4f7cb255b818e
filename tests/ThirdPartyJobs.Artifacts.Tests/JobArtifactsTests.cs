using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Artifacts.Tests;

/// <summary>Looking artifacts up, building the API, validating options: all before any network call.</summary>
public sealed class JobArtifactsTests
{
    private static readonly ArtifactOptions Local = new() { ServiceUrl = new Uri("http://127.0.0.1:9/") };

    [Test]
    public void Artifacts_are_found_by_name_not_position()
    {
        var job = TestJobs.Job(inputs: ["Source", "Config"], outputs: ["Build"]);
        using var artifacts = new JobArtifactsFactory(Local).Create(job);

        Assert.Multiple(() =>
        {
            Assert.That(artifacts.GetInput("Config"), Is.SameAs(job.Data!.InputArtifacts[1]));
            Assert.That(artifacts.GetOutput("Build"), Is.SameAs(job.Data.OutputArtifacts[0]));
            Assert.That(artifacts.Inputs, Has.Count.EqualTo(2));
            Assert.That(artifacts.JobId, Is.EqualTo(job.Id));
        });
    }

    [Test]
    public void An_unknown_name_lists_the_known_ones()
    {
        var job = TestJobs.Job(inputs: ["Source", "Config"]);
        using var artifacts = new JobArtifactsFactory(Local).Create(job);

        var error = Assert.Throws<ArgumentException>(() => artifacts.GetInput("Build"));

        Assert.That(error!.Message, Does.Contain("no input artifact named 'Build'").And.Contain("'Source', 'Config'"));
    }

    [Test]
    public void A_job_without_outputs_says_so()
    {
        using var artifacts = new JobArtifactsFactory(Local).Create(TestJobs.Job(inputs: ["Source"]));

        var error = Assert.Throws<ArgumentException>(() => artifacts.GetOutput("Build"));

        Assert.That(error!.Message, Does.Contain("The job has no output artifacts."));
    }

    [TestCase(null)]
    [TestCase("")]
    public void An_empty_name_is_an_ArgumentException(string? name)
    {
        using var artifacts = new JobArtifactsFactory(Local).Create(TestJobs.Job(inputs: ["Source"]));

        Assert.That(() => artifacts.GetInput(name!), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void A_job_without_credentials_cannot_reach_its_artifacts()
    {
        var job = TestJobs.Job(inputs: ["Source"], withCredentials: false);

        var error = Assert.Throws<ArgumentException>(() => new JobArtifactsFactory(Local).Create(job));

        Assert.That(error!.Message, Does.Contain("no artifact credentials"));
    }

    [Test]
    public void An_artifact_without_an_S3_location_is_an_ArtifactException()
    {
        var job = ThirdPartyJobsModelFactory.JobDetails(
            id: "job-1", nonce: "nonce-1", inputArtifacts: [ThirdPartyJobsModelFactory.Artifact("Source", fillDefaults: false)], artifactCredentials: TestJobs.ValidCredentials(), fillDefaults: false);
        using var artifacts = new JobArtifactsFactory(Local).Create(job);

        var error = Assert.ThrowsAsync<ArtifactException>(() => artifacts.OpenInputAsync("Source"));

        Assert.That(error!.Message, Does.Contain("no S3 location"));
    }

    [Test]
    public void An_encryption_key_type_the_library_does_not_know_is_refused_before_uploading()
    {
        var job = TestJobs.Job(outputs: ["Build"], encryptionKey: ThirdPartyJobsModelFactory.EncryptionKey("key", EncryptionKeyType.FromValue("QUANTUM")));
        using var artifacts = new JobArtifactsFactory(Local).Create(job);

        var error = Assert.ThrowsAsync<ArtifactException>(() => artifacts.UploadOutputAsync("Build", new MemoryStream([1])));

        Assert.That(error!.Message, Does.Contain("QUANTUM"));
    }

    [Test]
    public void Upload_arguments_are_checked_first()
    {
        using var artifacts = new JobArtifactsFactory(Local).Create(TestJobs.Job(outputs: ["Build"]));

        Assert.Multiple(() =>
        {
            Assert.That(() => artifacts.UploadOutputAsync("Build", (Stream)null!), Throws.ArgumentNullException);
            Assert.That(() => artifacts.UploadOutputAsync("Build", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), Throws.ArgumentException.With.Message.Contains("does not exist"));
            Assert.That(() => artifacts.DownloadInputAsync("Build", "dir"), Throws.ArgumentException.With.Message.Contains("no input artifact"));
        });
    }

    [Test]
    public void A_staging_directory_inside_the_uploaded_directory_is_refused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tpj-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var artifacts = new JobArtifactsFactory(new ArtifactOptions { ServiceUrl = Local.ServiceUrl, TempDirectory = Path.Combine(directory, "tmp") })
                .Create(TestJobs.Job(outputs: ["Build"]));

            Assert.That(() => artifacts.UploadOutputAsync("Build", directory), Throws.ArgumentException.With.Message.Contains("TempDirectory"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Nothing_shows_the_credentials()
    {
        using var artifacts = new JobArtifactsFactory(Local).Create(TestJobs.Job(inputs: ["Source"]));

        var text = artifacts.ToString();

        Assert.That(text, Does.Contain("JobArtifacts").And.Not.Contain(TestJobs.CanarySecret).And.Not.Contain(TestJobs.CanaryToken).And.Not.Contain(LocalS3Server.AccessKeyId));
    }

    [Test]
    public void A_disposed_instance_refuses_to_work()
    {
        var artifacts = new JobArtifactsFactory(Local).Create(TestJobs.Job(inputs: ["Source"]));
        artifacts.Dispose();
        artifacts.Dispose();

        Assert.That(() => artifacts.OpenInputAsync("Source"), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Invalid_options_name_each_bad_key()
    {
        var options = new ArtifactOptions { PartSize = 1024, UploadConcurrency = 0, ServiceUrl = new Uri("ftp://x/") };
        options.ArchiveLimits.MaxEntries = 0;
        options.Retry.MaxAttempts = 0;

        var error = Assert.Throws<ArgumentException>(() => new JobArtifactsFactory(options));

        Assert.That(error!.Message, Does.Contain("ThirdPartyJobs:Artifacts:PartSize")
            .And.Contain("ThirdPartyJobs:Artifacts:UploadConcurrency")
            .And.Contain("ThirdPartyJobs:Artifacts:ServiceUrl")
            .And.Contain("ThirdPartyJobs:Artifacts:ArchiveLimits:MaxEntries")
            .And.Contain("ThirdPartyJobs:Artifacts:Retry:MaxAttempts"));
    }

    [Test]
    public void Dependency_injection_binds_the_section_and_registers_the_factory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThirdPartyJobs:Artifacts:Region"] = "eu-west-1",
            ["ThirdPartyJobs:Artifacts:PartSize"] = "8388608",
            ["ThirdPartyJobs:Artifacts:ArchiveLimits:MaxEntries"] = "1000",
        }).Build();
        using var provider = new ServiceCollection().AddThirdPartyJobArtifacts(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ArtifactOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<IJobArtifactsFactory>(), Is.InstanceOf<JobArtifactsFactory>());
            Assert.That(options.Region, Is.EqualTo("eu-west-1"));
            Assert.That(options.PartSize, Is.EqualTo(8 * 1024 * 1024));
            Assert.That(options.ArchiveLimits.MaxEntries, Is.EqualTo(1000));
        });
    }

    [Test]
    public void Invalid_configuration_fails_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddThirdPartyJobArtifacts(options => options.PartSize = 10);
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("PartSize"));
    }

    [Test]
    public async Task Code_that_takes_IJobArtifacts_can_be_tested_with_a_mock()
    {
        var artifacts = new Mock<IJobArtifacts>();
        artifacts.Setup(a => a.OpenInputAsync("Source", It.IsAny<CancellationToken>())).ReturnsAsync(new MemoryStream([1, 2, 3]));

        await using var stream = await artifacts.Object.OpenInputAsync("Source");

        Assert.That(stream.Length, Is.EqualTo(3));
    }
}
