using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using ThirdPartyJobs.Testing;
using EmulatedOperation = ThirdPartyJobs.Testing.CodePipelineOperation;

namespace ThirdPartyJobs.Tests.Integration;

/// <summary>The real client against the CodePipeline emulator (its SigV4 verifier, validation and job state machine).</summary>
[TestFixture]
public sealed class EmulatorTests
{
    private CodePipelineEmulator _emulator = null!;
    private RegisteredActionType _actionType = null!;
    private IThirdPartyJobClient _client = null!;

    private ActionTypeId ActionTypeId => new(ActionCategory.FromValue(_actionType.Category), ActionOwner.FromValue(_actionType.Owner), _actionType.Provider, _actionType.Version);

    [SetUp]
    public async Task SetUp()
    {
        _emulator = await CodePipelineEmulator.StartAsync();
        _actionType = _emulator.RegisterActionType("Deploy", "ThirdParty", "MyPartnerDeploy", "1");
        _client = Create();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private IThirdPartyJobClient Create(string? secretAccessKey = null, string? accessKeyId = null, ErrorCodeStyle? style = null) =>
        LoopbackClient.Create(
            _emulator.ServiceUrl,
            LoopbackClient.FastOptions(maxAttempts: 4),
            awsOptions: new AWSOptions
            {
                Credentials = new BasicAWSCredentials(accessKeyId ?? _emulator.Credential.AccessKeyId, secretAccessKey ?? _emulator.Credential.SecretAccessKey),
                DefaultClientConfig = { ServiceURL = _emulator.ServiceUrl, AuthenticationRegion = _emulator.Region },
            });

    private string CreateFullJob() => _emulator.CreateJob(_actionType, new JobSpec
    {
        Configuration = { ["ProjectName"] = "storefront", ["ApiKey"] = Canaries.ConfigValue },
        PipelineName = "MyPipeline",
        StageName = "Beta",
        ActionName = "DeployToPartner",
        InputArtifacts = { new ArtifactSpec("SourceOutput", "artifact-bucket", "MyPipeline/SourceOutp/a.zip", Revision: "abc123"), new ArtifactSpec("BuildOutput", "artifact-bucket", "MyPipeline/BuildOutpu/b.zip") },
        OutputArtifacts = { new ArtifactSpec("DeployOutput", "artifact-bucket", "MyPipeline/DeployOutp/c.zip"), new ArtifactSpec("ReportOutput", "artifact-bucket", "MyPipeline/ReportOutp/d.zip") },
        ArtifactCredentials = new ThirdPartyJobs.Testing.EmulatorCredential(Canaries.AccessKeyId, Canaries.SecretAccessKey, Canaries.SessionToken),
        EncryptionKeyId = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    });

    [Test]
    public async Task A_job_runs_its_whole_life_through_the_real_client()
    {
        var jobId = CreateFullJob();

        var jobs = await _client.PollForJobsAsync(ActionTypeId, 5);
        Assert.That(jobs, Is.EqualTo(new[] { new ThirdPartyJob(_actionType.ClientId, jobId) }));

        var details = (await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken))!;
        Assert.Multiple(() =>
        {
            Assert.That(details.Id, Is.EqualTo(jobId));
            Assert.That(details.Data!.ActionTypeId, Is.EqualTo(ActionTypeId));
            Assert.That(details.Data!.Configuration.GetSecretValue("ApiKey"), Is.EqualTo(Canaries.ConfigValue));
            Assert.That(details.Data!.PipelineContext!.PipelineName, Is.EqualTo("MyPipeline"));
            Assert.That(details.Data!.PipelineContext.StageName, Is.EqualTo("Beta"));
            Assert.That(details.Data!.PipelineContext.ActionName, Is.EqualTo("DeployToPartner"));
            Assert.That(details.Data!.InputArtifacts.Select(a => a.Name), Is.EqualTo(new[] { "SourceOutput", "BuildOutput" }));
            Assert.That(details.Data!.InputArtifacts[0].Revision, Is.EqualTo("abc123"));
            Assert.That(details.Data!.InputArtifacts[0].S3Location, Is.EqualTo(new S3ArtifactLocation("artifact-bucket", "MyPipeline/SourceOutp/a.zip")));
            Assert.That(details.Data!.OutputArtifacts.Select(a => a.Name), Is.EqualTo(new[] { "DeployOutput", "ReportOutput" }));
            Assert.That(details.Data!.ArtifactCredentials!.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
            Assert.That(details.Data!.ArtifactCredentials.GetSessionToken(), Is.EqualTo(Canaries.SessionToken));
            Assert.That(details.Data!.EncryptionKey!.Type, Is.SameAs(EncryptionKeyType.KMS));
            Assert.That(details.Data!.ContinuationToken, Is.Null);
        });

        var status = await _client.AcknowledgeJobAsync(jobId, details.Nonce!, _actionType.ClientToken);
        Assert.That(status, Is.SameAs(JobStatus.InProgress));

        var created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
        await _client.PutJobSuccessResultAsync(jobId, _actionType.ClientToken, new CurrentRevision("rev-1", "chg-1", created, "summary"), "step-2", new ExecutionDetails("half way", "ext-1", 50));

        var result = _emulator.Results.Single(r => r.JobId == jobId);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That(result, Has.Property("Revision").EqualTo("rev-1").And.Property("ChangeIdentifier").EqualTo("chg-1").And.Property("RevisionCreated").EqualTo(created).And.Property("RevisionSummary").EqualTo("summary"));
            Assert.That(result, Has.Property("Summary").EqualTo("half way").And.Property("ExternalExecutionId").EqualTo("ext-1").And.Property("PercentComplete").EqualTo(50));
            Assert.That(result.FollowUpJobId, Is.Not.Null);
        });

        // The continuation: a follow-up job carrying the token; this time it fails.
        var followUp = (await _client.PollForJobsAsync(ActionTypeId, 5)).Single();
        Assert.That(followUp.JobId, Is.EqualTo(result.FollowUpJobId));
        var next = (await _client.GetJobDetailsAsync(followUp.JobId, _actionType.ClientToken))!;
        Assert.That(next.Data!.ContinuationToken, Is.EqualTo("step-2"));
        Assert.That(await _client.AcknowledgeJobAsync(next.Id!, next.Nonce!, _actionType.ClientToken), Is.SameAs(JobStatus.InProgress));
        await _client.PutJobFailureResultAsync(next.Id!, _actionType.ClientToken, new FailureDetails(FailureType.ConfigurationError, "The API key was rejected.", "ext-2"));

        var failure = _emulator.Results.Single(r => r.JobId == next.Id);
        Assert.That(failure.Succeeded, Is.False);
        Assert.That(failure, Has.Property("FailureType").EqualTo("ConfigurationError").And.Property("FailureMessage").EqualTo("The API key was rejected.").And.Property("ExternalExecutionId").EqualTo("ext-2"));
        Assert.That(await _client.PollForJobsAsync(ActionTypeId, 5), Is.Empty);
    }

    [Test]
    public void A_wrong_secret_key_surfaces_the_emulators_InvalidSignatureException()
    {
        _emulator.CreateJob(_actionType);
        using var client = Create(secretAccessKey: "not-the-secret-key");

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => client.PollForJobsAsync(ActionTypeId, 1));

        Assert.That(error!.GetType(), Is.EqualTo(typeof(ThirdPartyJobException)));
        Assert.That(error.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(error.Attempts, Is.EqualTo(1), "not retried");
        Assert.That(_emulator.GetCallCount(EmulatedOperation.PollForThirdPartyJobs), Is.EqualTo(1));
        Assert.That(error.Message, Does.Not.Contain("not-the-secret-key"));
    }

    [Test]
    public void An_unknown_access_key_surfaces_UnrecognizedClientException()
    {
        using var client = Create(accessKeyId: "AKIAUNKNOWNKEY000000");

        var error = Assert.CatchAsync<ThirdPartyJobException>(() => client.PollForJobsAsync(ActionTypeId, 1));

        Assert.That(error!.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public async Task Throttling_from_the_emulator_is_retried()
    {
        var jobId = _emulator.CreateJob(_actionType);
        _emulator.Faults.ThrottleNext(EmulatedOperation.PollForThirdPartyJobs, count: 2);

        var jobs = await _client.PollForJobsAsync(ActionTypeId, 1);

        Assert.That(jobs.Single().JobId, Is.EqualTo(jobId));
        Assert.That(_emulator.GetCallCount(EmulatedOperation.PollForThirdPartyJobs), Is.EqualTo(3));
    }

    [Test]
    public async Task A_500_from_the_emulator_is_retried_and_changes_no_job()
    {
        var jobId = _emulator.CreateJob(_actionType);
        await _client.PollForJobsAsync(ActionTypeId, 1);
        _emulator.Faults.FailNext(EmulatedOperation.GetThirdPartyJobDetails, count: 1, statusCode: 503);

        var details = (await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken))!;

        Assert.That(details.Id, Is.EqualTo(jobId));
        Assert.That(_emulator.GetCallCount(EmulatedOperation.GetThirdPartyJobDetails), Is.EqualTo(2));
    }

    [Test]
    public async Task The_service_verdicts_arrive_as_their_types()
    {
        var jobId = _emulator.CreateJob(_actionType);
        await _client.PollForJobsAsync(ActionTypeId, 1);
        var details = (await _client.GetJobDetailsAsync(jobId, _actionType.ClientToken))!;

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<JobNotFoundException>(() => _client.GetJobDetailsAsync("00000000-0000-4000-8000-000000000000", _actionType.ClientToken));
            Assert.ThrowsAsync<InvalidClientTokenException>(() => _client.GetJobDetailsAsync(jobId, "not-the-client-token"));
            Assert.ThrowsAsync<InvalidNonceException>(() => _client.AcknowledgeJobAsync(jobId, "999999", _actionType.ClientToken));
            Assert.ThrowsAsync<ActionTypeNotFoundException>(() => _client.PollForJobsAsync(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "NobodyRegisteredThis", "1"), 1));
        });

        Assert.That(await _client.AcknowledgeJobAsync(jobId, details.Nonce!, _actionType.ClientToken), Is.SameAs(JobStatus.InProgress));
        await _client.PutJobSuccessResultAsync(jobId, _actionType.ClientToken);
        Assert.ThrowsAsync<InvalidJobStateException>(() => _client.PutJobFailureResultAsync(jobId, _actionType.ClientToken, new FailureDetails(FailureType.JobFailed, "late")));
    }

    [TestCase(ErrorCodeStyle.NamespacedTypeField)]
    [TestCase(ErrorCodeStyle.ErrorTypeHeader)]
    public async Task Error_codes_in_every_wire_form_map_to_the_same_type(ErrorCodeStyle style)
    {
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { ErrorCodeStyle = style });
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "P", "1");
        using var client = LoopbackClient.Create(emulator.ServiceUrl, awsOptions: new AWSOptions
        {
            Credentials = new BasicAWSCredentials(emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey),
            DefaultClientConfig = { ServiceURL = emulator.ServiceUrl, AuthenticationRegion = emulator.Region },
        });

        var error = Assert.ThrowsAsync<JobNotFoundException>(() => client.GetJobDetailsAsync("00000000-0000-4000-8000-000000000000", actionType.ClientToken));

        Assert.That(error!.ErrorCode, Is.EqualTo("JobNotFoundException"));
        Assert.That(error.RequestId, Is.Not.Null.And.Not.Empty);
    }
}
