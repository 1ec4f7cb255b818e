using ThirdPartyJobs.Hosting.Tests.Emulator;
using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Diagnostics;

/// <summary>A custom action's job: its span names the account (not a client), and its credentials are renewed with GetJobDetails.</summary>
[NonParallelizable]
public sealed class CustomActionTelemetryTests() : TelemetryTest("custom-telemetry-")
{
    [Test]
    public async Task A_custom_job_span_carries_the_account_id_and_old_credentials_are_renewed_with_GetJobDetails()
    {
        var custom = Emulator.RegisterActionType("Build", "Custom", "TracedBuilder", "1");
        var jobId = Emulator.CreateJob(custom, new JobSpec { ArtifactCredentials = new EmulatorCredential("ASIACUSTOMTRACED0001", "custom-secret-key", "custom-session-token") });
        var gate = new TaskCompletionSource();
        SessionCredentials? renewed = null;
        await using (var worker = await EmulatorWorker.StartAsync(
            Emulator,
            custom,
            options => options.CredentialsRefreshAge = TimeSpan.FromMinutes(1),
            handler => handler.OnHandle = async (context, token) =>
            {
                await gate.Task.WaitAsync(token);
                renewed = await context.GetArtifactCredentialsAsync(token); // a minute old by now: fetched again
                return JobOutcome.Succeeded();
            },
            WorkerName))
        {
            await worker.RunUntilAsync(() => worker.Handler.Started == 1, "the job runs");
            worker.Time.Advance(TimeSpan.FromMinutes(1));
            gate.SetResult();
            await worker.RunUntilAsync(() => worker.Statistics.JobsSucceeded == 1 && worker.Statistics.InFlight == 0, "the job is reported");
            await worker.StopAsync();
        }

        var span = Telemetry.JobSpans(WorkerName).Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.GetTagItem("codepipeline.job.id"), Is.EqualTo(jobId));
            Assert.That(span.GetTagItem("codepipeline.account.id"), Is.EqualTo(Emulator.AccountId));
            Assert.That(span.GetTagItem("codepipeline.client.id"), Is.Null);
            Assert.That(span.GetTagItem("codepipeline.action_type.owner"), Is.EqualTo("Custom"));
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.GetJobDetails), Is.EqualTo(1), "renewed once, with the custom operation");
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.GetThirdPartyJobDetails), Is.Zero);
            Assert.That(renewed, Is.Not.Null);
        });
    }
}
