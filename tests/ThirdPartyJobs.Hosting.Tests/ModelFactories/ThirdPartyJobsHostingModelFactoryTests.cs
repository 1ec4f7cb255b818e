namespace ThirdPartyJobs.Hosting.Tests.ModelFactories;

/// <summary>Handler tests without a worker: the job contexts the hosting model factory makes.</summary>
public sealed class ThirdPartyJobsHostingModelFactoryTests
{
    [Test]
    public void A_default_context_describes_a_fresh_job_with_the_workers_default_budget()
    {
        var before = DateTimeOffset.UtcNow;
        var context = ThirdPartyJobsHostingModelFactory.JobContext();

        Assert.Multiple(() =>
        {
            Assert.That(context.ClientId, Is.EqualTo("test-client"));
            Assert.That(Guid.TryParse(context.JobId, out _), Is.True);
            Assert.That(context.Data.PipelineContext!.PipelineName, Is.EqualTo("test-pipeline"));
            Assert.That(context.ContinuationToken, Is.Null);
            Assert.That(context.ContinuationToken, Is.Null);
            Assert.That(context.ClaimedAt, Is.InRange(before, DateTimeOffset.UtcNow));
            Assert.That(context.Deadline - context.ClaimedAt, Is.EqualTo(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public void The_context_shows_the_given_job()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails(id: "job-9", continuationToken: "step-2");
        var claimedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var context = ThirdPartyJobsHostingModelFactory.JobContext(details, "client-9", claimedAt, claimedAt.AddMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(context.Data, Is.SameAs(details.Data));
            Assert.That(context.JobId, Is.EqualTo("job-9"));
            Assert.That(context.ClientId, Is.EqualTo("client-9"));
            Assert.That(context.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(context.ContinuationToken, Is.Not.Null);
            Assert.That(context.ClaimedAt, Is.EqualTo(claimedAt));
            Assert.That(context.Deadline, Is.EqualTo(claimedAt.AddMinutes(5)));
        });
    }

    [Test]
    public async Task Without_a_refresh_function_the_details_credentials_are_returned_every_time()
    {
        var credentials = ThirdPartyJobsModelFactory.SessionCredentials("ASIATESTKEY000000001", "secret-1", "token-1");
        var context = ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails(artifactCredentials: credentials));

        Assert.That(await context.GetArtifactCredentialsAsync(), Is.SameAs(credentials));
        Assert.That(await context.GetArtifactCredentialsAsync(), Is.SameAs(credentials));
    }

    [Test]
    public void A_job_without_credentials_fails_as_in_the_worker()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails(id: "job-1", nonce: "1", configuration: [], fillDefaults: false);
        var context = ThirdPartyJobsHostingModelFactory.JobContext(details);

        Assert.That(() => context.GetArtifactCredentialsAsync(), Throws.InvalidOperationException);
    }

    [Test]
    public async Task A_refresh_function_supplies_credentials_on_every_call_with_the_callers_token()
    {
        var generation = 0;
        var tokens = new List<CancellationToken>();
        var context = ThirdPartyJobsHostingModelFactory.JobContext(refreshCredentials: token =>
        {
            tokens.Add(token);
            generation++;
            return Task.FromResult(ThirdPartyJobsModelFactory.SessionCredentials("ASIATESTKEY00000000" + generation, "secret-" + generation, "token-" + generation));
        });
        using var cancellation = new CancellationTokenSource();

        var first = await context.GetArtifactCredentialsAsync(cancellation.Token);
        var second = await context.GetArtifactCredentialsAsync(cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(first.GetSecretAccessKey(), Is.EqualTo("secret-1"));
            Assert.That(second.GetSecretAccessKey(), Is.EqualTo("secret-2"));
            Assert.That(context.Data.ArtifactCredentials, Is.SameAs(second), "Data follows the refresh, as in the worker");
            Assert.That(tokens, Is.EqualTo(new[] { cancellation.Token, cancellation.Token }));
        });
    }

    [Test]
    public void A_failing_refresh_reaches_the_handler()
    {
        var context = ThirdPartyJobsHostingModelFactory.JobContext(refreshCredentials: _ => Task.FromException<SessionCredentials>(ThirdPartyJobsModelFactory.ServiceError("ServiceUnavailableException", "CodePipeline is unavailable.")));

        Assert.That(() => context.GetArtifactCredentialsAsync(), Throws.InstanceOf<ServiceUnavailableException>());
    }

    [Test]
    public void The_context_describes_itself_without_secrets()
    {
        var context = ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails(
            id: "job-1",
            configuration: [new("ApiKey", Canary.ConfigurationValue)],
            artifactCredentials: Canary.Credentials()));

        Assert.That(context.ToString(), Is.EqualTo("JobContext { JobId = job-1, ClientId = test-client, Pipeline = test-pipeline, Stage = Build, Action = TestAction, IsContinuation = False }"));
    }

    [Test]
    public void Bad_input_is_refused()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Multiple(() =>
        {
            Assert.That(() => ThirdPartyJobsHostingModelFactory.JobContext(clientId: " "), Throws.ArgumentException.With.Property("ParamName").EqualTo("clientId"));
            Assert.That(() => ThirdPartyJobsHostingModelFactory.JobContext(claimedAt: now, deadline: now.AddSeconds(-1)), Throws.ArgumentException.With.Property("ParamName").EqualTo("deadline"));
        });
    }

    [Test]
    public async Task A_handler_is_tested_in_a_few_lines()
    {
        var handler = new ResumingHandler();

        var fresh = await handler.HandleAsync(
            ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails(configuration: [new("Target", "staging")])),
            CancellationToken.None);
        var resumed = await handler.HandleAsync(
            ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails(configuration: [new("Target", "staging")], continuationToken: fresh.ContinuationToken)),
            CancellationToken.None);
        var misconfigured = await handler.HandleAsync(ThirdPartyJobsHostingModelFactory.JobContext(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.Kind, Is.EqualTo(JobOutcomeKind.ContinueLater));
            Assert.That(fresh.ContinuationToken, Is.EqualTo("deploy-staging"));
            Assert.That(resumed.Kind, Is.EqualTo(JobOutcomeKind.Succeeded));
            Assert.That(resumed.ExecutionDetails!.Summary, Is.EqualTo("Deployed to staging with ASIA… credentials."));
            Assert.That(misconfigured.Failure!.Type, Is.EqualTo(FailureType.ConfigurationError));
        });
    }

    /// <summary>A partner's handler: starts a deployment, then checks on it in the follow-up job.</summary>
    private sealed class ResumingHandler : IThirdPartyJobHandler
    {
        public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
        {
            if (!context.Data.Configuration.TryGetSecretValue("Target", out var target))
            {
                return JobOutcome.Failed(FailureType.ConfigurationError, "The action needs a Target.");
            }

            if (context.ContinuationToken is null)
            {
                return JobOutcome.ContinueLater("deploy-" + target);
            }

            var credentials = await context.GetArtifactCredentialsAsync(cancellationToken);
            return JobOutcome.Succeeded(executionDetails: new ExecutionDetails($"Deployed to {target} with {credentials.GetAccessKeyId()![..4]}… credentials."));
        }
    }
}
