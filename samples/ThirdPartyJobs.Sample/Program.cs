using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs;
using ThirdPartyJobs.Sample;

// The sample: with AWS settings it talks to real CodePipeline; with none it runs offline against
// the local CodePipeline endpoint from ThirdPartyJobs.Testing, with the demo artifacts on the local
// S3 server (s3rver, when Node.js is installed; --no-s3 turns it off).
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED") ?? "true");
var arguments = SampleArguments.Parse(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var online = HasAwsSettings(builder.Configuration);
await using var artifactStore = online ? null : await OfflineArtifactStore.TryStartAsync(arguments.NoS3, Console.Out, cancellation.Token);
await using var offline = online ? null : await OfflineCodePipeline.StartAsync(artifactStore, cancellation.Token);
if (offline is not null)
{
    builder.Services.AddDefaultAWSOptions(offline.AwsOptions);
    Console.WriteLine($"No AWS settings found: running offline against the local CodePipeline endpoint at {offline.Emulator.ServiceUrl}.");
    if (artifactStore is not null)
    {
        Console.WriteLine(artifactStore.Describe());
    }
}
else if (arguments.JobId is null && OnlineWorker.IsConfigured(builder.Configuration))
{
    return await OnlineWorker.RunAsync(builder, cancellation.Token);
}
else if (arguments.JobId is null || arguments.ClientToken is null)
{
    Console.Error.WriteLine("AWS settings found: pass --job-id <id> --client-token <token> to fetch a job from CodePipeline,");
    Console.Error.WriteLine("or configure Worker:Category/Owner/Provider/Version and Worker:ClientTokens:<clientId> to run the job worker.");
    return 2;
}

builder.Services.AddThirdPartyJobs(builder.Configuration);
using var host = builder.Build();
var client = host.Services.GetRequiredService<IThirdPartyJobClient>();

try
{
    if (offline is not null && arguments.JobId is null)
    {
        // The partner's loop starts with a poll: it hands out the job and its client id.
        var jobs = await client.PollForJobsAsync(offline.ActionTypeId, maxBatchSize: 1, cancellation.Token);
        Console.WriteLine($"Polled {offline.ActionTypeId.Provider}: {jobs.Count} job(s).");
    }

    var jobId = arguments.JobId ?? offline!.DemoJobId;
    var clientToken = arguments.ClientToken ?? offline!.ActionType.ClientToken;
    var job = await client.GetJobDetailsAsync(jobId, clientToken, cancellation.Token);
    JobTreePrinter.Print(job, Console.Out);
    return offline is not null && arguments.JobId is null
        ? await WorkerDemo.RunAsync(offline, Console.Out, cancellation.Token)
        : 0;
}
catch (ThirdPartyJobException error)
{
    // The library's messages carry no secrets; no stack trace for a service answer.
    Console.Error.WriteLine($"{error.GetType().Name}: {error.Message}");
    return 1;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"Invalid argument: {error.Message}");
    return 2;
}

static bool HasAwsSettings(IConfiguration configuration) =>
    !string.IsNullOrEmpty(configuration["AWS:Region"])
    || !string.IsNullOrEmpty(configuration["AWS:Profile"])
    || !string.IsNullOrEmpty(configuration["AWS:ServiceURL"])
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"))
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
