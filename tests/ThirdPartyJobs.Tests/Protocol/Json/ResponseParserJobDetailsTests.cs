namespace ThirdPartyJobs.Tests.Protocol.Json;

[TestFixture]
public sealed class ResponseParserJobDetailsTests
{
    [Test]
    public void Full_response_parses_every_member()
    {
        var job = ParserHarness.JobDetails(SampleResponses.FullJobDetails);

        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo(SampleResponses.JobId));
            Assert.That(job.Nonce!, Is.EqualTo(SampleResponses.Nonce));

            var data = job.Data!;
            Assert.That(data.ActionTypeId, Is.EqualTo(new ActionTypeId(ActionCategory.Deploy, ActionOwner.ThirdParty, "MyPartnerDeploy", "1")));
            Assert.That(data.ActionTypeId!.Category, Is.SameAs(ActionCategory.Deploy));
            Assert.That(data.ActionTypeId.Owner, Is.SameAs(ActionOwner.ThirdParty));

            Assert.That(data.Configuration.Keys.Count, Is.EqualTo(3));
            Assert.That(data.Configuration.Keys, Is.EquivalentTo(new[] { "ProjectName", "ApiKey", "Region" }));
            Assert.That(data.Configuration.GetSecretValue("ProjectName"), Is.EqualTo("storefront"));
            Assert.That(data.Configuration.GetSecretValue("ApiKey"), Is.EqualTo(Canaries.ConfigValue));
            Assert.That(data.Configuration.GetSecretValue("Region"), Is.EqualTo("eu-west-1"));

            Assert.That(data.PipelineContext, Is.EqualTo(new PipelineContext(
                "MyPipeline",
                "Beta",
                "DeployToPartner",
                "c5d0c2f4-8ab9-4a6c-8a1e-0123456789ab",
                "arn:aws:codepipeline:us-east-1:123456789012:MyPipeline",
                "42ee4d10-9e4d-4d1f-a8e7-EXAMPLE22222")));

            Assert.That(data.InputArtifacts, Is.EqualTo(new[]
            {
                new Artifact("SourceOutput", "4f2c1a9d0e7b", ArtifactLocationType.S3, new S3ArtifactLocation("codepipeline-us-east-1-123456789012", "MyPipeline/SourceOutp/a1b2c3.zip")),
                new Artifact("BuildOutput", "build-17", ArtifactLocationType.S3, new S3ArtifactLocation("codepipeline-us-east-1-123456789012", "MyPipeline/BuildOutpu/d4e5f6.zip")),
            }));
            Assert.That(data.OutputArtifacts, Is.EqualTo(new[]
            {
                new Artifact("DeployOutput", null, ArtifactLocationType.S3, new S3ArtifactLocation("codepipeline-us-east-1-123456789012", "MyPipeline/DeployOutp/g7h8i9.zip")),
                new Artifact("ReportOutput", null, ArtifactLocationType.S3, new S3ArtifactLocation("codepipeline-us-east-1-123456789012", "MyPipeline/ReportOutp/j0k1l2.zip")),
            }));
            Assert.That(data.InputArtifacts[0].LocationType!.IsKnown, Is.True);

            Assert.That(data.ArtifactCredentials, Is.Not.Null);
            Assert.That(data.ArtifactCredentials!.GetAccessKeyId(), Is.EqualTo(Canaries.AccessKeyId));
            Assert.That(data.ArtifactCredentials.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
            Assert.That(data.ArtifactCredentials.GetSessionToken(), Is.EqualTo(Canaries.SessionToken));

            Assert.That(data.ContinuationToken, Is.EqualTo("deployment-d-42"));
            Assert.That(data.EncryptionKey, Is.EqualTo(new EncryptionKey("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", EncryptionKeyType.KMS)));
            Assert.That(data.EncryptionKey!.Type!.IsKnown, Is.True);
        });
    }

    [Test]
    public void Artifact_lists_are_read_only()
    {
        var data = ParserHarness.JobDetails(SampleResponses.FullJobDetails).Data!;

        Assert.That(data.InputArtifacts, Is.Not.AssignableTo<List<Artifact>>());
        Assert.That(() => ((IList<Artifact>)data.InputArtifacts).Add(data.InputArtifacts[0]), Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void Minimal_response_gives_empty_collections_and_nulls()
    {
        var job = ParserHarness.JobDetails(SampleResponses.MinimalJobDetails);

        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo(SampleResponses.JobId));
            Assert.That(job.Nonce!, Is.EqualTo(SampleResponses.Nonce));
            Assert.That(job.Data!.ActionTypeId, Is.Null);
            Assert.That(job.Data!.Configuration, Is.SameAs(ActionConfiguration.Empty));
            Assert.That(job.Data!.PipelineContext, Is.Null);
            Assert.That(job.Data!.InputArtifacts, Is.Empty);
            Assert.That(job.Data!.OutputArtifacts, Is.Empty);
            Assert.That(job.Data!.ArtifactCredentials, Is.Null);
            Assert.That(job.Data!.ContinuationToken, Is.Null);
            Assert.That(job.Data!.EncryptionKey, Is.Null);
        });
    }

    [Test]
    public void Explicit_nulls_for_optional_members_are_absent_values()
    {
        const string json = """
            {"jobDetails":{"id":"j-1","nonce":"7","data":{
              "actionTypeId":null,"actionConfiguration":null,"pipelineContext":null,
              "inputArtifacts":null,"outputArtifacts":null,"artifactCredentials":null,
              "continuationToken":null,"encryptionKey":null}}}
            """;

        var data = ParserHarness.JobDetails(json).Data!;

        Assert.Multiple(() =>
        {
            ParserHarness.AssertOptionalMembersAbsent(data);
            Assert.That(data.Configuration.Keys.Count, Is.Zero);
        });
    }

    [Test]
    public void Explicit_nulls_inside_nested_optional_objects()
    {
        const string json = """
            {"jobDetails":{"id":"j-1","nonce":"7","data":{
              "actionConfiguration":{"configuration":null},
              "pipelineContext":{"pipelineName":null,"stage":null,"action":null,"pipelineArn":null,"pipelineExecutionId":null},
              "inputArtifacts":[{"name":null,"revision":null,"location":null}],
              "outputArtifacts":[{"name":"Out","location":{"type":null,"s3Location":null}}]}}}
            """;

        var data = ParserHarness.JobDetails(json).Data!;

        Assert.Multiple(() =>
        {
            Assert.That(data.Configuration.Keys.Count, Is.Zero);
            Assert.That(data.PipelineContext, Is.EqualTo(new PipelineContext(null, null, null, null, null, null)));
            Assert.That(data.InputArtifacts, Is.EqualTo(new[] { new Artifact(null, null, null, null) }));
            Assert.That(data.OutputArtifacts, Is.EqualTo(new[] { new Artifact("Out", null, null, null) }));
        });
    }

    [Test]
    public void Unknown_enum_values_are_kept_verbatim()
    {
        const string json = """
            {"jobDetails":{"id":"j-1","nonce":"7","data":{
              "actionTypeId":{"category":"Quantum","owner":"Partner","provider":"P","version":"1"},
              "inputArtifacts":[{"name":"In","location":{"type":"EFS","s3Location":null}}],
              "encryptionKey":{"id":"key-1","type":"XYZ"}}}}
            """;

        var data = ParserHarness.JobDetails(json).Data!;

        Assert.Multiple(() =>
        {
            Assert.That(data.ActionTypeId!.Category!.Value, Is.EqualTo("Quantum"));
            Assert.That(data.ActionTypeId.Category.IsKnown, Is.False);
            Assert.That(data.ActionTypeId.Owner!.Value, Is.EqualTo("Partner"));
            Assert.That(data.ActionTypeId.Owner.IsKnown, Is.False);
            Assert.That(data.InputArtifacts[0].LocationType!.Value, Is.EqualTo("EFS"));
            Assert.That(data.InputArtifacts[0].LocationType!.IsKnown, Is.False);
            Assert.That(data.EncryptionKey!.Type!.Value, Is.EqualTo("XYZ"));
            Assert.That(data.EncryptionKey.Type.IsKnown, Is.False);
        });
    }

    [Test]
    public void Compute_category_is_kept_and_known_because_CodePipeline_added_it_after_the_2015_model()
    {
        // The botocore model on this machine lists six categories; CodePipeline has since added
        // Compute (the Commands action). The library names it, so it parses as a known value.
        const string json = """{"jobDetails":{"id":"j","nonce":"1","data":{"actionTypeId":{"category":"Compute","owner":"AWS","provider":"Commands","version":"1"}}}}""";

        var category = ParserHarness.JobDetails(json).Data!.ActionTypeId!.Category!;

        Assert.That(category.Value, Is.EqualTo("Compute"));
        Assert.That(category, Is.SameAs(ActionCategory.Compute));
        Assert.That(category.IsKnown, Is.True);
    }

    [Test]
    public void Enum_values_are_case_sensitive()
    {
        const string json = """{"jobDetails":{"id":"j","nonce":"1","data":{"actionTypeId":{"category":"deploy","owner":"thirdparty","provider":"P","version":"1"}}}}""";

        var id = ParserHarness.JobDetails(json).Data!.ActionTypeId!;

        Assert.That(id.Category!.IsKnown, Is.False);
        Assert.That(id.Category, Is.Not.EqualTo(ActionCategory.Deploy));
        Assert.That(id.Owner!.IsKnown, Is.False);
    }

    [Test]
    public void Unknown_members_of_every_kind_are_ignored_at_every_level()
    {
        const string json = """
            {
              "futureTopLevel": {"nested": [1, 2, {"deep": [[], {}, null, true, false, -1.5e10]}]},
              "aNumber": 12345678901234567890,
              "jobDetails": {
                "id": "j-1",
                "newField": ["a", "b"],
                "nonce": "7",
                "data": {
                  "someNewMember": {"x": {"y": {"z": "w"}}},
                  "actionTypeId": {"category": "Build", "owner": "ThirdParty", "provider": "P", "version": "2", "extra": 1},
                  "actionConfiguration": {"configuration": {"K": "V"}, "queryParam": {"ignored": true}},
                  "pipelineContext": {"pipelineName": "Pipe", "stage": {"name": "S", "extra": []}, "action": {"name": "A", "region": "x"}, "tags": [{"k": "v"}]},
                  "inputArtifacts": [{"name": "In", "extra": {"a": 1}, "location": {"type": "S3", "s3Location": {"bucketName": "b", "objectKey": "k", "versionId": "v1"}, "other": null}}],
                  "artifactCredentials": {"accessKeyId": "AK", "secretAccessKey": "SK", "sessionToken": "ST", "expiration": 1700000000},
                  "encryptionKey": {"id": "key", "type": "KMS", "extra": "x"},
                  "trailingUnknown": 3.14
                },
                "anotherOne": null
              },
              "last": "value"
            }
            """;

        var job = ParserHarness.JobDetails(json);

        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo("j-1"));
            Assert.That(job.Nonce!, Is.EqualTo("7"));
            Assert.That(job.Data!.ActionTypeId, Is.EqualTo(new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "2")));
            Assert.That(job.Data!.Configuration.GetSecretValue("K"), Is.EqualTo("V"));
            Assert.That(job.Data!.Configuration.Keys.Count, Is.EqualTo(1));
            Assert.That(job.Data!.PipelineContext, Is.EqualTo(new PipelineContext("Pipe", "S", "A", null, null, null)));
            Assert.That(job.Data!.InputArtifacts.Single().S3Location, Is.EqualTo(new S3ArtifactLocation("b", "k")));
            Assert.That(job.Data!.ArtifactCredentials!.GetSessionToken(), Is.EqualTo("ST"));
            Assert.That(job.Data!.EncryptionKey, Is.EqualTo(new EncryptionKey("key", EncryptionKeyType.KMS)));
        });
    }

    [Test]
    public void Member_order_does_not_matter()
    {
        const string json = """{"jobDetails":{"data":{"encryptionKey":{"type":"KMS","id":"k"},"actionTypeId":{"version":"1","provider":"P","owner":"Custom","category":"Test"}},"nonce":"9","id":"j"}}""";

        var job = ParserHarness.JobDetails(json);

        Assert.That(job, Is.EqualTo(new JobDetails("j", "9", job.Data)));
        Assert.That(job.Data!.ActionTypeId, Is.EqualTo(new ActionTypeId(ActionCategory.Test, ActionOwner.Custom, "P", "1")));
        Assert.That(job.Data!.EncryptionKey, Is.EqualTo(new EncryptionKey("k", EncryptionKeyType.KMS)));
    }

    [Test]
    public void Escaped_strings_and_non_ascii_text_are_decoded()
    {
        const string json = """{"jobDetails":{"id":"j\u002D1","nonce":"1","data":{"actionConfiguration":{"configuration":{"Message":"line1\nline2 \"quoted\" caf\u00e9 \u2713 日本"}}}}}""";

        var job = ParserHarness.JobDetails(json);

        Assert.That(job.Id, Is.EqualTo("j-1"));
        Assert.That(job.Data!.Configuration.GetSecretValue("Message"), Is.EqualTo("line1\nline2 \"quoted\" café ✓ 日本"));
    }

    [Test]
    public void Escaped_member_names_are_matched()
    {
        const string json = """{"jobDetails":{"\u0069d":"j","non\u0063e":"1","data":{}}}""";

        var job = ParserHarness.JobDetails(json);

        Assert.That(job.Id, Is.EqualTo("j"));
        Assert.That(job.Nonce!, Is.EqualTo("1"));
    }

    [Test]
    public void Configuration_keys_are_case_sensitive_and_ordinal()
    {
        const string json = """{"jobDetails":{"id":"j","nonce":"1","data":{"actionConfiguration":{"configuration":{"Key":"upper","key":"lower"}}}}}""";

        var configuration = ParserHarness.JobDetails(json).Data!.Configuration;

        Assert.That(configuration.GetSecretValue("Key"), Is.EqualTo("upper"));
        Assert.That(configuration.GetSecretValue("key"), Is.EqualTo("lower"));
        Assert.That(configuration.Keys.Contains("KEY"), Is.False);
    }
}
