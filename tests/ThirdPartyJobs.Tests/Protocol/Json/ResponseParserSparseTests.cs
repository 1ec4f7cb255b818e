namespace ThirdPartyJobs.Tests.Protocol.Json;

/// <summary>
/// The AWS SDKs' rule for output: a client accepts every well-formed answer the API model allows
/// and keeps what the service said. Each case here failed with MalformedResponseException before
/// (issue 10) while botocore and the AWS SDK for JavaScript returned the data.
/// </summary>
[TestFixture]
public sealed class ResponseParserSparseTests
{
    private static string Job(string data) => """{"jobDetails":{"id":"j-1","nonce":"5","data":""" + data + "}}";

    private static JobData Data(string data) => ParserHarness.JobDetails(Job(data)).Data!;

    [TestCase("{}")]
    [TestCase("""{"jobDetails":null}""")]
    [TestCase("")]
    [TestCase("""{"unknown":{"a":[1]}}""")]
    public void Get_job_details_without_job_details_returns_null(string json) =>
        Assert.That(ParserHarness.MaybeJobDetails(json), Is.Null);

    [TestCase("""{"jobDetails":{"nonce":"1","data":{}}}""", null, "1", true)]
    [TestCase("""{"jobDetails":{"id":"j","data":{}}}""", "j", null, true)]
    [TestCase("""{"jobDetails":{"id":"j","nonce":"1"}}""", "j", "1", false)]
    [TestCase("""{"jobDetails":{"id":"j","nonce":"1","data":null}}""", "j", "1", false)]
    [TestCase("""{"jobDetails":{}}""", null, null, false)]
    [TestCase("""{"jobDetails":{"id":"","nonce":"1","data":{}}}""", "", "1", true)]
    [TestCase("""{"jobDetails":{"id":null,"nonce":"1","data":{}}}""", null, "1", true)]
    public void Job_details_with_some_members_keep_what_was_sent(string json, string? id, string? nonce, bool hasData)
    {
        var details = ParserHarness.JobDetails(json);

        Assert.That((details.Id, details.Nonce, details.Data is not null), Is.EqualTo((id, nonce, hasData)));
    }

    [TestCase(" ")]
    [TestCase("\t\n")]
    public void A_white_space_nonce_is_kept_as_sent(string nonce)
    {
        var details = ParserHarness.JobDetails($$$$$"""{"jobDetails":{"id":"j","nonce":"{{{{{nonce.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}}}}}","data":{}}}""");

        Assert.That(details.Nonce, Is.EqualTo(nonce));
    }

    [Test]
    public void Missing_required_members_inside_structures_are_null()
    {
        var data = Data($$$$$"""
            {"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"P"},
             "inputArtifacts":[{"name":"In","location":{"type":"S3","s3Location":{"bucketName":"b"}}}],
             "outputArtifacts":[{"name":"Out","location":{"type":"S3","s3Location":{"objectKey":"k"}}}],
             "artifactCredentials":{"accessKeyId":"{{{{{Canaries.AccessKeyId}}}}}","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}"},
             "encryptionKey":{"id":"k"}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(data.ActionTypeId!.Version, Is.Null);
            Assert.That(data.ActionTypeId.Provider, Is.EqualTo("P"));
            Assert.That(data.InputArtifacts[0].S3Location!.ObjectKey, Is.Null);
            Assert.That(data.InputArtifacts[0].S3Location!.BucketName, Is.EqualTo("b"));
            Assert.That(data.OutputArtifacts[0].S3Location!.BucketName, Is.Null);
            Assert.That(data.ArtifactCredentials!.GetSessionToken(), Is.Null);
            Assert.That(data.ArtifactCredentials.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
            Assert.That(data.ArtifactCredentials.ToAwsCredentials(), Is.InstanceOf<Amazon.Runtime.BasicAWSCredentials>(), "no session token: basic credentials");
            Assert.That(data.EncryptionKey!.Type, Is.Null);
            Assert.That(data.EncryptionKey.Id, Is.EqualTo("k"));
        });
    }

    [Test]
    public void Credentials_without_a_key_cannot_become_AWS_credentials_and_the_message_quotes_nothing()
    {
        var data = Data($$$$$"""{"artifactCredentials":{"secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}","sessionToken":"{{{{{Canaries.SessionToken}}}}}"}}""");

        var error = Assert.Throws<InvalidOperationException>(() => data.ArtifactCredentials!.ToAwsCredentials());
        Assert.That(Canaries.Leaks(error!.Message), Is.False);
        Assert.That(data.ArtifactCredentials!.GetAccessKeyId(), Is.Null);
    }

    [TestCase("""{"actionTypeId":{"category":"","owner":"ThirdParty","provider":"P","version":"1"}}""")]
    public void An_empty_enum_value_is_kept_as_an_unknown_value(string data)
    {
        var category = Data(data).ActionTypeId!.Category!;

        Assert.That((category.Value, category.IsKnown), Is.EqualTo(("", false)));
    }

    [Test]
    public void An_empty_location_type_and_key_type_are_kept()
    {
        var data = Data("""{"inputArtifacts":[{"location":{"type":""}}],"encryptionKey":{"id":"k","type":""}}""");

        Assert.That((data.InputArtifacts[0].LocationType!.Value, data.EncryptionKey!.Type!.Value), Is.EqualTo(("", "")));
    }

    [Test]
    public void A_null_configuration_value_is_dropped_and_the_other_keys_kept()
    {
        var configuration = Data($$$$$"""{"actionConfiguration":{"configuration":{"ApiKey":null,"Project":"p"}}}""").Configuration;

        Assert.That(configuration.Keys, Is.EquivalentTo(new[] { "Project" }));
    }

    [Test]
    public void A_configuration_key_sent_twice_keeps_the_last_value()
    {
        var configuration = Data($$$$$"""{"actionConfiguration":{"configuration":{"ApiKey":"first","ApiKey":"{{{{{Canaries.ConfigValue}}}}}"}}}""").Configuration;

        Assert.That((configuration.Keys.Count, configuration.GetSecretValue("ApiKey")), Is.EqualTo((1, Canaries.ConfigValue)));
    }

    [Test]
    public void A_key_sent_twice_whose_last_value_is_null_is_dropped() =>
        Assert.That(Data("""{"actionConfiguration":{"configuration":{"ApiKey":"first","ApiKey":null}}}""").Configuration.Keys.Count, Is.Zero);

    [Test]
    public void Members_sent_twice_keep_the_last_value()
    {
        var details = ParserHarness.JobDetails("""{"jobDetails":{"id":"a","nonce":"1","id":"b","data":{"continuationToken":"x","continuationToken":"y"}}}""");

        Assert.That((details.Id, details.Data!.ContinuationToken), Is.EqualTo(("b", "y")));
    }

    [Test]
    public void Null_artifacts_are_dropped()
    {
        var data = Data("""{"inputArtifacts":[null],"outputArtifacts":[null,{"name":"Out"},null]}""");

        Assert.That((data.InputArtifacts.Count, data.OutputArtifacts.Single().Name), Is.EqualTo((0, "Out")));
    }

    [Test]
    public void Null_structures_and_lists_are_absent()
    {
        var data = Data("""{"actionTypeId":null,"actionConfiguration":null,"pipelineContext":null,"inputArtifacts":null,"outputArtifacts":null,"artifactCredentials":null,"continuationToken":null,"encryptionKey":null}""");

        Assert.Multiple(() =>
        {
            ParserHarness.AssertOptionalMembersAbsent(data);
            Assert.That(data.Configuration, Is.SameAs(ActionConfiguration.Empty));
        });
    }

    [Test]
    public void Null_members_of_the_pipeline_context_are_absent()
    {
        var context = Data("""{"pipelineContext":{"pipelineName":null,"stage":null,"action":{"name":null,"actionExecutionId":"x"}}}""").PipelineContext!;

        Assert.That((context.PipelineName, context.StageName, context.ActionName, context.ActionExecutionId), Is.EqualTo(((string?)null, (string?)null, (string?)null, "x")));
    }
}
