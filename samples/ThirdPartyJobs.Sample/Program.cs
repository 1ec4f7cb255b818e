using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs;
using ThirdPartyJobs.Sample;

// The sample runs offline unless the command line asks for real CodePipeline (--job-id/--client-token, --worker):
// AWS settings in the environment alone never change what the first command does. Offline it uses the local
// CodePipeline endpoint from ThirdPartyJobs.Testing, and the local S3 server when Node.js is installed.
// Exit codes: 0 done, 1 failed (with what to set), 2 wrong command line.
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED") ?? "true");
if (!SampleArguments.TryParse(args, out var arguments, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (arguments.RealMode)
{
    return await RealMode.RunAsync(arguments, Console.Out, Console.Error, cancellation.Token);
}

await using var artifactStore = await OfflineArtifactStore.TryStartAsync(arguments.NoS3, Console.Out, cancellation.Token);
await using var offline = await OfflineCodePipeline.StartAsync(artifactStore, cancellation.Token);
Console.WriteLine($"Running offline against the local CodePipeline endpoint at {offline.Emulator.ServiceUrl} (--help shows how to use real CodePipeline).");
if (artifactStore is not null)
{
    Console.WriteLine(artifactStore.Describe());
}

// Only the local endpoint's settings: the "AWS" configuration section and AWS_* variables are not read here.
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDefaultAWSOptions(offline.AwsOptions);
builder.Services.AddThirdPartyJobs();
using var host = builder.Build();
var client = host.Services.GetRequiredService<IThirdPartyJobClient>();

try
{
    // The partner's loop starts with a poll: it hands out the job and its client id.
    var jobs = await client.PollForJobsAsync(offline.ActionTypeId, maxBatchSize: 1, cancellation.Token);
    Console.WriteLine($"Polled {offline.ActionTypeId.Provider}: {jobs.Count} job(s).");
    var job = await client.GetJobDetailsAsync(offline.DemoJobId, offline.ActionType.ClientToken, cancellation.Token);
    JobTreePrinter.Print(job, Console.Out);
    return await WorkerDemo.RunAsync(offline, Console.Out, cancellation.Token);
}
catch (ThirdPartyJobException error)
{
    // The library's messages carry no secrets; no stack trace for a service answer.
    Console.Error.WriteLine($"{error.GetType().Name}: {error.Message}");
    return 1;
}
