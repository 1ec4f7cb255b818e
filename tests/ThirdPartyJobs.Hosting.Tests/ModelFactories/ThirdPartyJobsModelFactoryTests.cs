using System.Text.Json;

namespace ThirdPartyJobs.Hosting.Tests.ModelFactories;

/// <summary>The core model factory: complete, realistic defaults; every argument honoured; bad input refused.</summary>
public sealed class ThirdPartyJobsModelFactoryTests
{
    [Test]
    public void The_default_job_details_are_complete()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails();
        var data = details.Data!;

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(details.Id, out _), Is.True, "a UUID, like CodePipeline's job ids");
            Assert.That(details.Nonce, Is.EqualTo("1"));
            Assert.That(data.ActionTypeId, Is.EqualTo(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "TestProvider", "1")));
            Assert.That(data.Configuration.Keys.Count, Is.Zero);
            Assert.That(data.PipelineContext!.PipelineName, Is.EqualTo("test-pipeline"));
            Assert.That(data.PipelineContext.StageName, Is.EqualTo("Build"));
            Assert.That(data.PipelineContext.ActionName, Is.EqualTo("TestAction"));
            Assert.That(Guid.TryParse(data.PipelineContext.ActionExecutionId, out _), Is.True);
            Assert.That(data.PipelineContext.PipelineArn, Is.Null, "CodePipeline does not send it for third-party jobs");
            Assert.That(data.InputArtifacts.Select(a => a.Name), Is.EqualTo(new[] { "SourceArtifact" }));
            Assert.That(data.InputArtifacts[0].Revision, Is.Not.Empty);
            Assert.That(data.InputArtifacts[0].LocationType, Is.EqualTo(ArtifactLocationType.S3));
            Assert.That(data.InputArtifacts[0].S3Location, Is.EqualTo(ThirdPartyJobsModelFactory.Artifact("SourceArtifact").S3Location));
            Assert.That(data.OutputArtifacts.Select(a => a.Name), Is.EqualTo(new[] { "BuildArtifact" }));
            Assert.That(data.OutputArtifacts[0].S3Location!.ObjectKey, Is.EqualTo("test-pipeline/BuildArtifact.zip"));
            Assert.That(data.ArtifactCredentials!.GetAccessKeyId(), Does.StartWith("ASIA").And.EndWith("EXAMPLE"));
            Assert.That(data.ArtifactCredentials.GetSecretAccessKey(), Does.Contain("EXAMPLE"));
            Assert.That(data.ArtifactCredentials.GetSessionToken(), Is.Not.Empty);
            Assert.That((data.EncryptionKey!.Id, data.EncryptionKey.Type), Is.EqualTo(("arn:aws:kms:us-east-1:111122223333:alias/aws/s3", EncryptionKeyType.KMS)));
            Assert.That(data.ContinuationToken, Is.Null, "a fresh job");
        });
    }

    [Test]
    public void Each_call_makes_a_new_job()
    {
        var first = ThirdPartyJobsModelFactory.JobDetails();
        var second = ThirdPartyJobsModelFactory.JobDetails();

        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
            Assert.That(second.Data!.PipelineContext!.ActionExecutionId, Is.Not.EqualTo(first.Data!.PipelineContext!.ActionExecutionId));
        });
    }

    [Test]
    public void Every_argument_is_used()
    {
        var actionType = ThirdPartyJobsModelFactory.ActionTypeId(ActionCategory.Deploy, provider: "MyProvider", version: "2");
        var pipeline = ThirdPartyJobsModelFactory.PipelineContext("web", "Prod", "Release", "execution-1");
        var source = ThirdPartyJobsModelFactory.Artifact("Source", "abc123", "my-bucket", "web/Source/x.zip");
        var credentials = ThirdPartyJobsModelFactory.SessionCredentials("ASIATESTKEY000000001", "test-secret", "test-token");
        var key = ThirdPartyJobsModelFactory.EncryptionKey("arn:aws:kms:eu-west-1:111122223333:key/1234");

        var details = ThirdPartyJobsModelFactory.JobDetails(
            id: "job-1",
            nonce: "7",
            actionTypeId: actionType,
            configuration: new Dictionary<string, string> { ["ApiKey"] = "test-key", ["Region"] = "eu-west-1" },
            pipelineContext: pipeline,
            inputArtifacts: [source],
            outputArtifacts: [],
            artifactCredentials: credentials,
            continuationToken: "step-2",
            encryptionKey: key);

        Assert.Multiple(() =>
        {
            Assert.That(details.Id, Is.EqualTo("job-1"));
            Assert.That(details.Nonce, Is.EqualTo("7"));
            Assert.That(details.Data!.ActionTypeId, Is.EqualTo(new ActionTypeId(ActionCategory.Deploy, ActionOwner.ThirdParty, "MyProvider", "2")));
            Assert.That(details.Data.Configuration.GetSecretValue("ApiKey"), Is.EqualTo("test-key"));
            Assert.That(details.Data.Configuration.Keys, Is.EquivalentTo(new[] { "ApiKey", "Region" }));
            Assert.That(details.Data.PipelineContext, Is.EqualTo(ThirdPartyJobsModelFactory.PipelineContext("web", "Prod", "Release", "execution-1")));
            Assert.That(details.Data.InputArtifacts, Is.EqualTo(new[] { ThirdPartyJobsModelFactory.Artifact("Source", "abc123", "my-bucket", "web/Source/x.zip") }));
            Assert.That(details.Data.OutputArtifacts, Is.Empty);
            Assert.That(details.Data.ArtifactCredentials, Is.SameAs(credentials));
            Assert.That(details.Data.ContinuationToken, Is.EqualTo("step-2"));
            Assert.That((details.Data!.EncryptionKey!.Id, details.Data.EncryptionKey.Type), Is.EqualTo(("arn:aws:kms:eu-west-1:111122223333:key/1234", EncryptionKeyType.KMS)));
        });
    }

    [Test]
    public void Configuration_values_stay_secret_as_in_a_real_job()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails(configuration: [new("ApiKey", "CANARY-factory-secret")]);

        Assert.Multiple(() =>
        {
            Assert.That(details.ToString(), Does.Not.Contain("CANARY-factory-secret"));
            Assert.That(JsonSerializer.Serialize(details), Does.Not.Contain("CANARY-factory-secret"));
            Assert.That(details.Data!.Configuration.GetSecretValue("ApiKey"), Is.EqualTo("CANARY-factory-secret"));
        });
    }

    [Test]
    public void A_default_member_can_be_left_out_with_fillDefaults_false()
    {
        var details = ThirdPartyJobsModelFactory.JobDetails(id: "job-1", actionTypeId: ThirdPartyJobsModelFactory.ActionTypeId(), fillDefaults: false);
        var withoutKey = details.Data!;

        Assert.Multiple(() =>
        {
            Assert.That(withoutKey.EncryptionKey, Is.Null);
            Assert.That(withoutKey.ArtifactCredentials, Is.Null);
            Assert.That(details.Id, Is.EqualTo("job-1"));
            Assert.That(withoutKey.ActionTypeId, Is.EqualTo(ThirdPartyJobsModelFactory.ActionTypeId()));
        });
    }

    [Test]
    public void The_artifact_lists_are_read_only()
    {
        var data = ThirdPartyJobsModelFactory.JobData(inputArtifacts: new List<Artifact> { ThirdPartyJobsModelFactory.Artifact("Source") });

        Assert.That(data.InputArtifacts, Is.Not.InstanceOf<List<Artifact>>().And.Not.InstanceOf<Artifact[]>());
        Assert.That(() => ((IList<Artifact>)data.InputArtifacts).Add(ThirdPartyJobsModelFactory.Artifact("More")), Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void A_job_as_a_poll_hands_it_out()
    {
        var job = ThirdPartyJobsModelFactory.ThirdPartyJob();
        var named = ThirdPartyJobsModelFactory.ThirdPartyJob("client-7", "job-7");

        Assert.Multiple(() =>
        {
            Assert.That(job.ClientId, Is.EqualTo("test-client"));
            Assert.That(Guid.TryParse(job.JobId, out _), Is.True);
            Assert.That(named, Is.EqualTo((named.ClientId, named.JobId) is ("client-7", "job-7") ? named : null));
        });
    }

    [Test]
    public void Bad_input_is_refused_with_an_argument_exception_that_names_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ThirdPartyJobsModelFactory.JobDetails(id: ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("id"));
            Assert.That(() => ThirdPartyJobsModelFactory.JobDetails(nonce: " "), Throws.ArgumentException.With.Property("ParamName").EqualTo("nonce"));
            Assert.That(() => ThirdPartyJobsModelFactory.JobDetails(continuationToken: ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("continuationToken"));
            Assert.That(() => ThirdPartyJobsModelFactory.JobDetails(configuration: [new("Key", "a"), new("Key", "b")]), Throws.ArgumentException);
            Assert.That(() => ThirdPartyJobsModelFactory.JobData(inputArtifacts: [null!]), Throws.ArgumentException.With.Property("ParamName").EqualTo("inputArtifacts"));
            Assert.That(() => ThirdPartyJobsModelFactory.ActionTypeId(provider: "no spaces"), Throws.ArgumentException);
            Assert.That(() => ThirdPartyJobsModelFactory.ActionTypeId(version: "1234567890"), Throws.ArgumentException);
            Assert.That(() => ThirdPartyJobsModelFactory.Artifact(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => ThirdPartyJobsModelFactory.SessionCredentials(secretAccessKey: ""), Throws.ArgumentException);
            Assert.That(() => ThirdPartyJobsModelFactory.EncryptionKey(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("id"));
            Assert.That(() => ThirdPartyJobsModelFactory.ThirdPartyJob(clientId: ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("clientId"));
        });
    }
}
