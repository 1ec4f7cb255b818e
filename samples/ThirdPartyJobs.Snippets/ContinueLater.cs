#region Snippet:ContinueLater
using ThirdPartyJobs;
using ThirdPartyJobs.Hosting;

/// <summary>A long job in steps: CodePipeline calls back with the token until the handler reports success.</summary>
sealed class DeployHandler : IThirdPartyJobHandler
{
    public Task<JobOutcome> HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        if (job.ContinuationToken is null)
        {
            // First call: start the deployment, remember its id in the continuation token.
            return Task.FromResult(JobOutcome.ContinueLater("deployment-42", new ExecutionDetails("Deploying…", PercentComplete: 10)));
        }

        // A follow-up job: job.ContinuationToken is "deployment-42".
        return Task.FromResult(JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Deployed {job.ContinuationToken}.", PercentComplete: 100)));
    }
}
#endregion
