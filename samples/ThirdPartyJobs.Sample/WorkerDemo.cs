using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThirdPartyJobs.Hosting;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// Runs the hosted job worker offline on three demo jobs and prints each job's path through the lifecycle. With the
/// local S3 server the succeeding job has real artifacts: its handler downloads the input, builds, uploads the
/// output, and the demo prints what moved and reads the output back from the server. Beside them, the same handler
/// serves a custom action (owner <c>Custom</c>, no client token) in a second worker of the same host: its job sets an
/// output variable for downstream actions.
/// </summary>
internal static class WorkerDemo
{
    private const string WorkerName = "demo";
    private const string CustomWorkerName = "demo-custom";

    public static async Task<int> RunAsync(OfflineCodePipeline offline, TextWriter output, CancellationToken cancellationToken)
    {
        var emulator = offline.Emulator;
        var store = offline.ArtifactStore;
        var scenarios = new[] { "succeed", "continue", "fail" };
        var seeded = scenarios.ToDictionary(
            scenario =>
            {
                var withArtifacts = store is not null && scenario == "succeed";
                var executionId = Guid.NewGuid().ToString();
                return emulator.CreateJob(offline.ActionType, new JobSpec
                {
                    Configuration = new Dictionary<string, string> { ["ProjectName"] = $"demo-{scenario}", ["Scenario"] = scenario, ["ApiKey"] = DemoSecrets.ApiKey() },
                    PipelineName = "demo-pipeline",
                    StageName = "Build",
                    ActionName = "DemoPartnerBuild",
                    ActionExecutionId = executionId,
                    InputArtifacts = withArtifacts ? [OfflineArtifactStore.Source] : [],
                    OutputArtifacts = withArtifacts ? [OfflineArtifactStore.Output($"demo-pipeline/BuildOutput/{executionId[..8]}/build.zip")] : [],
                    ArtifactCredentials = withArtifacts ? new EmulatorCredential(LocalS3Server.AccessKeyId, LocalS3Server.SecretAccessKey, LocalS3Server.SessionToken) : null,
                    EncryptionKeyId = OfflineCodePipeline.KmsKeyId,
                });
            },
            scenario => scenario);

        // The same demo as a custom action: what a team runs in its own account before publishing a third-party action.
        var custom = emulator.RegisterActionType("Build", "Custom", offline.ActionType.Provider, offline.ActionType.Version);
        var customJobId = emulator.CreateJob(custom, new JobSpec
        {
            Configuration = new Dictionary<string, string> { ["ProjectName"] = "demo-custom", ["Scenario"] = "succeed" },
            PipelineName = "demo-pipeline",
            StageName = "Build",
            ActionName = "DemoCustomBuild",
        });
        seeded[customJobId] = "custom action: succeed";
        output.WriteLine();
        output.WriteLine($"Worker demo: {seeded.Count} jobs seeded ({string.Join(", ", seeded.Values)}); running the hosted job worker.");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDefaultAWSOptions(offline.AwsOptions);
        builder.Services.AddThirdPartyJobs();
        builder.Services.AddSingleton<BuildReports>();
        if (store is not null)
        {
            // Artifacts on the local S3 server; the credentials always come from each job.
            builder.Services.AddThirdPartyJobArtifacts(options => options.ServiceUrl = store.Server.ServiceUrl);
        }

        builder.Services.AddThirdPartyJobWorker<DemoJobHandler>(WorkerName, options =>
        {
            options.ActionTypeId = offline.ActionTypeId;
            options.ClientTokens[offline.ActionType.ClientId] = offline.ActionType.ClientToken;
            options.MaxConcurrency = 4;
            options.MinPollInterval = TimeSpan.FromMilliseconds(50);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        });

        // One setting differs for a custom action: the owner in ActionTypeId. No client token is needed.
        builder.Services.AddThirdPartyJobWorker<DemoJobHandler>(CustomWorkerName, options =>
        {
            options.ActionTypeId = new ActionTypeId(offline.ActionTypeId.Category!, ActionOwner.Custom, offline.ActionTypeId.Provider!, offline.ActionTypeId.Version!);
            options.MinPollInterval = TimeSpan.FromMilliseconds(50);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await WaitForSeededJobsAsync(emulator, seeded.Keys, timeout.Token);
        }

        await host.StopAsync(cancellationToken);

        foreach (var (jobId, scenario) in seeded)
        {
            PrintPath(emulator, jobId, $"[{scenario}]", indent: "  ", output);
        }

        // The worker's own counts are metrics (thirdpartyjobs.worker.jobs); the emulator shows the same from CodePipeline's side.
        var results = emulator.Results;
        output.WriteLine(
            $"Worker statistics: {results.Count} jobs handled, {results.Count(r => r.Succeeded && r.ContinuationToken is null)} succeeded, {results.Count(r => r.ContinuationToken is not null)} continued, {results.Count(r => !r.Succeeded)} failed.");
        var unfinished = emulator.Jobs.Count(job => !job.IsTerminal && seeded.ContainsKey(job.ContinuationOfJobId ?? job.JobId));
        var artifactsOk = true;
        if (store is not null)
        {
            var succeeded = seeded.Single(pair => pair.Value == "succeed");
            var report = host.Services.GetRequiredService<BuildReports>().Find(succeeded.Key);
            artifactsOk = await PrintArtifactsAsync(store, succeeded.Key, report, output, cancellationToken);
        }

        return unfinished == 0 && artifactsOk ? 0 : 1;
    }

    private static async Task<bool> PrintArtifactsAsync(OfflineArtifactStore store, string jobId, BuildReport? report, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine($"Artifacts of job {jobId} [succeed], moved with the job's own credentials:");
        if (report is null)
        {
            output.WriteLine("  (the handler did not run the build)");
            return false;
        }

        var input = report.Input.S3Location;
        output.WriteLine($"  ↓ {report.Input.Name}: s3://{input?.BucketName}/{input?.ObjectKey}, {report.Extracted.ArchiveBytes:N0}-byte ZIP → {report.Extracted.FileCount} files, {report.Extracted.ExtractedBytes:N0} bytes extracted");
        output.WriteLine($"  ⚙ build: counted {report.FileCount} files, {report.TotalBytes:N0} bytes; wrote build-summary.tsv");
        var uploaded = report.Output;
        output.WriteLine($"  ↑ {uploaded.Name}: s3://{uploaded.BucketName}/{uploaded.ObjectKey}, {uploaded.Size:N0} bytes in {(uploaded.PartCount == 1 ? "one request" : $"{uploaded.PartCount} parts")}, SSE-KMS with the job's key {report.KmsKeyId ?? "(AWS-managed key)"}");
        var stored = await store.Server.GetObjectAsync(uploaded.BucketName, uploaded.ObjectKey, cancellationToken);
        output.WriteLine(stored is null
            ? $"  ✗ {uploaded.Name} is not on the local S3 server."
            : $"  ✓ read back from the local S3 server: {stored.Length:N0} bytes.");
        return stored?.Length == uploaded.Size;
    }

    private static async Task WaitForSeededJobsAsync(CodePipelineEmulator emulator, IEnumerable<string> jobIds, CancellationToken cancellationToken)
    {
        var ids = jobIds.ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            // A seeded job is finished when it and every follow-up it spawned reached a terminal state.
            var related = emulator.Jobs.Where(job => ids.Contains(job.JobId) || (job.ContinuationOfJobId is { } origin && ids.Contains(origin))).ToList();
            if (related.Count >= ids.Count && related.All(job => job.IsTerminal))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static void PrintPath(CodePipelineEmulator emulator, string jobId, string label, string indent, TextWriter output)
    {
        var job = emulator.GetJob(jobId);
        var result = emulator.Results.LastOrDefault(r => r.JobId == jobId);
        var steps = new List<string> { "Queued" };
        if (job.DispatchedAt is not null)
        {
            steps.Add("Dispatched");
        }

        if (job.AcknowledgeCount > 0)
        {
            steps.Add("InProgress");
        }

        var ending = result switch
        {
            null => job.State.ToString(),
            { Succeeded: false, FailureType: { } type } => $"Failed ({type}: \"{result.FailureMessage}\")",
            { ContinuationToken: { } token } => $"Succeeded with continuation token \"{token}\" ({result.Summary})",
            _ => $"Succeeded (\"{result.Summary}\")",
        };
        steps.Add(ending);
        output.WriteLine($"{indent}job {jobId} {label}: {string.Join(" → ", steps)}");
        if (result?.OutputVariables is { Count: > 0 } variables)
        {
            output.WriteLine($"{indent}  output variables: {string.Join(", ", variables.Select(pair => $"{pair.Key} = {pair.Value}"))}");
        }

        if (result?.FollowUpJobId is { } followUp)
        {
            PrintPath(emulator, followUp, $"(follow-up of {jobId[..8]}…, continuation \"{result.ContinuationToken}\")", indent + "  ", output);
        }
    }
}
