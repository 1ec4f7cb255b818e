// Package smoke test: uses the packed packages as a user gets them (not via ProjectReference).
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using ThirdPartyJobs;
using ThirdPartyJobs.Testing;

Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
await using var emulator = await CodePipelineEmulator.StartAsync();
var actionType = emulator.RegisterActionType("Build", "ThirdParty", "PackageSmoke", "1");
var jobId = emulator.CreateJob(actionType, new JobSpec { Configuration = new Dictionary<string, string> { ["Secret"] = "smoke-secret-value" } });

using var client = ThirdPartyJobClient.Create(new AWSOptions
{
    Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
    DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
});
var polled = await client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "PackageSmoke", "1"), 1);
// Every output member may be absent in the API model: a real worker checks what it needs.
var job = await client.GetJobDetailsAsync(polled.Single().JobId ?? "", actionType.ClientToken);
if (job is not { Id: { } id, Nonce: { } nonce })
{
    Console.Error.WriteLine("package smoke: FAILED (no job id or nonce)");
    return 1;
}

var status = await client.AcknowledgeJobAsync(id, nonce, actionType.ClientToken);
await client.PutJobSuccessResultAsync(id, actionType.ClientToken, executionDetails: new ExecutionDetails("package smoke"));

var text = job.ToString();
if (id != jobId || status != JobStatus.InProgress || text.Contains("smoke-secret-value", StringComparison.Ordinal) || emulator.Results.Count != 1)
{
    Console.Error.WriteLine("package smoke: FAILED");
    return 1;
}

Console.WriteLine($"package smoke: OK (job {job.Id} fetched, acknowledged and reported through the packed packages)");

// The local S3 server from the package: outside a clone it installs the embedded s3rver into the user's cache.
if (!LocalS3Server.IsAvailable())
{
    Console.WriteLine("package smoke: Node.js/npm not on PATH; LocalS3Server not checked");
    return 0;
}

await using var s3 = await LocalS3Server.StartAsync(["package-smoke"]);
await s3.PutObjectAsync("package-smoke", "pipeline/source.zip", "smoke-object"u8.ToArray());
var read = await s3.GetObjectAsync("package-smoke", "pipeline/source.zip");
if (read is null || !read.AsSpan().SequenceEqual("smoke-object"u8))
{
    Console.Error.WriteLine("package smoke: LocalS3Server FAILED");
    return 1;
}

Console.WriteLine($"package smoke: OK (LocalS3Server at {s3.ServiceUrl}, installed in {await LocalS3Server.EnsureInstalledAsync()})");
return 0;
