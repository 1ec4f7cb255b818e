using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Tests.Models;

public sealed class JobDataEqualityTests
{
    private const string Body = """
        {"jobDetails":{"id":"j1","nonce":"n1","data":{
          "actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"P","version":"1"},
          "actionConfiguration":{"configuration":{"ApiKey":"CANARY-CONFIG-VALUE-eq"}},
          "inputArtifacts":[{"name":"In","location":{"type":"S3","s3Location":{"bucketName":"b","objectKey":"in.zip"}}}],
          "outputArtifacts":[{"name":"Out","location":{"type":"S3","s3Location":{"bucketName":"b","objectKey":"out.zip"}}}],
          "artifactCredentials":{"accessKeyId":"ASIACANARYACCESSKEY1","secretAccessKey":"CANARY-SECRET-KEY-eq","sessionToken":"CANARY-SESSION-TOKEN-eq"}}}}
        """;

    private static JobDetails Parse(string body = Body) =>
        ResponseParser.ParseJobDetails(System.Text.Encoding.UTF8.GetBytes(body), new ParseContext("GetThirdPartyJobDetails", "j1", null))!;

    [Test]
    public void Two_parses_of_the_same_response_are_equal()
    {
        var first = Parse();
        var second = Parse();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
    }

    [Test]
    public void A_different_artifact_makes_the_jobs_unequal()
    {
        var other = Parse(Body.Replace("out.zip", "other.zip", StringComparison.Ordinal));

        Assert.That(other, Is.Not.EqualTo(Parse()));
    }

    [Test]
    public void ToString_lists_artifacts_and_keeps_secrets_redacted()
    {
        var text = Parse().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("InputArtifacts = [Artifact { Name = In"));
            Assert.That(text, Does.Contain("OutputArtifacts = [Artifact { Name = Out"));
            Assert.That(text, Does.Not.Contain("CANARY-"));
            Assert.That(text, Does.Not.Contain("ASIACANARYACCESSKEY1"));
        });
    }
}
