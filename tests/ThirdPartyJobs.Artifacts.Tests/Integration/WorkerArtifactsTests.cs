using System.IO.Compression;
using System.Text;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThirdPartyJobs.Hosting;
using ThirdPartyJobs.Testing;
using RecordedRequest = ThirdPartyJobs.Artifacts.Tests.Infrastructure.RecordedRequest;

namespace ThirdPartyJobs.Artifacts.Tests.Integration;

/// <summary>
/// <see cref="IJobArtifactsFactory.Create(IRunningJob)"/> in the hosted worker: the worker runs against the
/// CodePipeline emulator, the job's artifacts live on s3rver (through the recording proxy), and the handler moves
/// them with the job's credentials, renewed through <see cref="JobContext.GetArtifactCredentialsAsync"/>.
/// </summary>
public sealed class WorkerArtifactsTests : S3IntegrationTest
{
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/worker-artifacts-0001";
    private const string WorkerName = "artifacts";

    [Test]
    public async Task A_worker_job_downloads_its_input_and_uploads_its_output_with_credentials_renewed_through_the_job_context()
    {
        var prefix = "worker/" + Guid.NewGuid().ToString("N")[..12];
        var sourceKey = $"{prefix}/SourceOutput/source.zip";
        var outputKey = $"{prefix}/BuildOutput/build.zip";
        var sources = new Dictionary<string, string>
        {
            ["src/main.c"] = "int main(void) { return 0; }\n",
            ["src/util.h"] = "#pragma once\n",
            ["README.md"] = "# demo\n",
        };
        var sourceBytes = sources.Values.Sum(text => (long)Encoding.UTF8.GetByteCount(text));
        await SeedAsync(sourceKey, ZipFactory.Create(zip =>
        {
            foreach (var (name, text) in sources)
            {
                zip.AddText(name, text);
            }
        }));

        await using var emulator = await CodePipelineEmulator.StartAsync();
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "ArtifactWorker", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec
        {
            ArtifactCredentials = new EmulatorCredential(LocalS3Server.AccessKeyId, TestJobs.CanarySecret, TestJobs.CanaryToken),
            InputArtifacts = { new ArtifactSpec("SourceOutput", TestJobs.Bucket, sourceKey) },
            OutputArtifacts = { new ArtifactSpec("BuildOutput", TestJobs.Bucket, outputKey) },
            EncryptionKeyId = KeyArn,
        });

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var probe = new BuildProbe(time, NewDirectory());
        await using (var provider = Worker(emulator, actionType, time, probe))
        {
            var worker = provider.GetServices<IHostedService>().Single();
            await worker.StartAsync(CancellationToken.None);
            await RunUntilAsync(time, () => emulator.Jobs.Single(job => job.JobId == jobId).IsTerminal);
            await worker.StopAsync(CancellationToken.None);
        }

        var result = emulator.Results.Single(r => r.JobId == jobId);
        var detailsCalls = emulator.Requests.Count(r => r.Operation == CodePipelineOperation.GetThirdPartyJobDetails && r.Body.Contains(jobId, StringComparison.Ordinal));
        var download = Proxy.Requests.Single(r => r.Method == "GET" && IsObject(r, sourceKey));
        var upload = Proxy.Requests.Single(r => r.Method == "PUT" && IsObject(r, outputKey));
        var summary = ReadEntry(await ReadObjectAsync(outputKey), "summary.txt");
        Assert.Multiple(() =>
        {
            Assert.That(probe.Error, Is.Null, "the handler ran without an exception");
            Assert.That(result.Succeeded, Is.True, result.FailureMessage);
            Assert.That(result.Summary, Is.EqualTo($"Built 3 files ({sourceBytes} bytes)."));
            Assert.That(summary, Is.EqualTo($"3 files, {sourceBytes} bytes"), "the uploaded output is on the server");
            Assert.That(detailsCalls, Is.EqualTo(2), "one GetThirdPartyJobDetails to claim the job, one to renew credentials older than CredentialsRefreshAge");
            foreach (var request in new[] { download, upload })
            {
                Assert.That(request.Header("authorization"), Does.Contain($"Credential={LocalS3Server.AccessKeyId}/"), $"{request}: the job's key");
                Assert.That(request.Header("x-amz-security-token"), Is.EqualTo(TestJobs.CanaryToken), $"{request}: the job's session token");
            }

            Assert.That(upload.Header("x-amz-server-side-encryption"), Is.EqualTo("aws:kms"));
            Assert.That(upload.Header("x-amz-server-side-encryption-aws-kms-key-id"), Is.EqualTo(KeyArn), "the job's encryption key");
            Assert.That(Logs.AllText(), Does.Not.Contain(TestJobs.CanarySecret).And.Not.Contain(TestJobs.CanaryToken));
        });
    }

    [Test]
    public void Create_refuses_a_missing_running_job_or_one_without_credentials()
    {
        var withoutCredentials = TestJobs.Job(inputs: ["In"], withCredentials: false);
        Assert.Multiple(() =>
        {
            Assert.That(() => Factory().Create((IRunningJob)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("job"));
            Assert.That(
                () => Factory().Create(new TestRunningJob(withoutCredentials, _ => throw new AssertionException("not asked"))),
                Throws.ArgumentException.With.Message.Contains("carries no artifact credentials").And.Property("ParamName").EqualTo("job"));
        });
    }

    private ServiceProvider Worker(CodePipelineEmulator emulator, RegisteredActionType actionType, FakeTimeProvider time, BuildProbe probe)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(probe);
        services.AddDefaultAWSOptions(new AWSOptions
        {
            Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
            DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
        });

        // The CodePipeline client's and S3's retries wait on the real clock, like their HTTP calls; the worker's
        // waiting is on fake time. The clock is a constructor argument, so the two clients are built by hand.
        services.AddSingleton<IThirdPartyJobClient>(provider => ThirdPartyJobClient.Create(
            provider.GetRequiredService<AWSOptions>(), null, provider.GetRequiredService<ILoggerFactory>(), TimeProvider.System));
        services.AddSingleton<IJobArtifactsFactory>(provider => new JobArtifactsFactory(
            new ArtifactOptions { ServiceUrl = Proxy.Url, Region = "us-east-1" }, provider.GetRequiredService<ILoggerFactory>(), TimeProvider.System));
        services.AddThirdPartyJobWorker<BuildHandler>(WorkerName, options =>
        {
            options.ActionTypeId = new ActionTypeId(ActionCategory.FromValue(actionType.Category), ActionOwner.FromValue(actionType.Owner), actionType.Provider, actionType.Version);
            options.ClientTokens[actionType.ClientId] = actionType.ClientToken;
            options.MinPollInterval = TimeSpan.FromMilliseconds(100);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(400);
            options.CredentialsRefreshAge = TimeSpan.FromMinutes(10);
            options.IncludeExceptionMessageInFailureReport = true;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Lets the worker's fake-time waits pass until <paramref name="condition"/> holds (synchronization, not a timing assertion).</summary>
    private static async Task RunUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the job finished");
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }
    }

    private static string ReadEntry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>What the handler shares with the test: the worker's clock and where to work.</summary>
    internal sealed class BuildProbe(FakeTimeProvider time, string workDirectory)
    {
        public FakeTimeProvider Time { get; } = time;

        public string WorkDirectory { get; } = workDirectory;

        public Exception? Error { get; set; }
    }

    /// <summary>Downloads SourceOutput, "builds" it (counts files and bytes) and uploads BuildOutput.</summary>
    internal sealed class BuildHandler(IJobArtifactsFactory factory, BuildProbe probe) : IThirdPartyJobHandler
    {
        public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
        {
            try
            {
                // Until the Hosting package's JobContext implements IRunningJob: then factory.Create(context).
                using var artifacts = factory.Create(context);
                var source = await artifacts.DownloadInputAsync("SourceOutput", Path.Combine(probe.WorkDirectory, "source"), cancellationToken);

                // The job has run longer than CredentialsRefreshAge: the next operation renews its credentials.
                probe.Time.Advance(TimeSpan.FromMinutes(11));

                var output = Directory.CreateDirectory(Path.Combine(probe.WorkDirectory, "output")).FullName;
                await File.WriteAllTextAsync(Path.Combine(output, "summary.txt"), $"{source.FileCount} files, {source.ExtractedBytes} bytes", cancellationToken);
                await artifacts.UploadOutputAsync("BuildOutput", output, cancellationToken);
                return JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {source.FileCount} files ({source.ExtractedBytes} bytes)."));
            }
            catch (Exception error)
            {
                probe.Error = error;
                throw;
            }
        }
    }
}
