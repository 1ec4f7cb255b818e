using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// The sample's job handler. The demo jobs say in their configuration how they should end:
/// <c>Scenario = succeed | continue | fail</c>.
/// </summary>
internal sealed class DemoJobHandler : IThirdPartyJobHandler
{
    public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Data.Configuration;
        var project = configuration.TryGetSecretValue("ProjectName", out var name) ? name : "project";
        var scenario = configuration.TryGetSecretValue("Scenario", out var value) ? value : "succeed";
        var outcome = scenario switch
        {
            "fail" => JobOutcome.Failed(FailureType.ConfigurationError, $"The demo configuration of {project} asks this job to fail."),
            "continue" when !context.IsContinuation =>
                JobOutcome.ContinueLater("step-2", new ExecutionDetails($"Step 1 of 2 of {project} done.", PercentComplete: 50)),
            "continue" => JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {project} in 2 steps.", PercentComplete: 100)),
            _ => JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Built {project}.", PercentComplete: 100)),
        };
        return Task.FromResult(outcome);
    }
}
