using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// The sample's job handler. The demo jobs say in their configuration how they should end:
/// <c>Scenario = succeed | continue | fail</c>. A succeeding job that has input and output artifacts, when artifacts
/// are configured (<c>AddThirdPartyJobArtifacts</c>), runs the demo build on them (<see cref="ArtifactBuild"/>).
/// </summary>
internal sealed class DemoJobHandler(IJobArtifactsFactory? artifactsFactory = null, BuildReports? reports = null) : IThirdPartyJobHandler
{
    public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Data.Configuration;
        var project = configuration.TryGetSecretValue("ProjectName", out var name) ? name : "project";
        var scenario = configuration.TryGetSecretValue("Scenario", out var value) ? value : "succeed";
        switch (scenario)
        {
            case "fail":
                return JobOutcome.Failed(FailureType.ConfigurationError, $"The demo configuration of {project} asks this job to fail.");
            case "continue" when context.ContinuationToken is null:
                return JobOutcome.ContinueLater("step-2", new ExecutionDetails($"Step 1 of 2 of {project} done.", PercentComplete: 50));
            case "continue":
                return JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {project} in 2 steps.", PercentComplete: 100));
        }

        if (artifactsFactory is null || !ArtifactBuild.Applies(context))
        {
            // Output variables are a custom action's (downstream actions read #{Namespace.BuildId}); a third-party action has none.
            var variables = context.AccountId is not null ? new Dictionary<string, string> { ["BuildId"] = $"{project}-{context.JobId[..8]}" } : null;
            return JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {project}.", PercentComplete: 100), outputVariables: variables);
        }

        // The job's own credentials, renewed through the worker when they get old.
        using var artifacts = artifactsFactory.Create(context);
        var report = await ArtifactBuild.RunAsync(artifacts, context, cancellationToken);
        reports?.Add(report);
        return JobOutcome.Succeeded(executionDetails: new ExecutionDetails(
            $"Built {project}: {report.FileCount} files, {report.TotalBytes:N0} bytes; {report.Output.Name} uploaded.",
            PercentComplete: 100));
    }
}
