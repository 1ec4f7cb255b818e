using System.Globalization;
using System.Text;

namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>Valid CodePipeline responses that carry the <see cref="Canaries"/> in every secret field.</summary>
internal static class SampleResponses
{
    public const string JobId = "11111111-2222-3333-4444-555555555555";
    public const string Nonce = "nonce-3f7a1c2e";

    public static string JobDetails(int extraConfigurationEntries = 0, string? continuationToken = "step-2", bool withUnknownMembers = false)
    {
        var configuration = new StringBuilder();
        configuration.Append($"\"ApiKey\":\"{Canaries.ConfigurationApiKey}\",\"Password\":\"{Canaries.ConfigurationPassword}\",\"Project\":\"storefront\"");
        for (var i = 0; i < extraConfigurationEntries; i++)
        {
            configuration.Append(CultureInfo.InvariantCulture, $",\"Setting{i:D3}\":\"value-{i}\"");
        }

        var unknown = withUnknownMembers ? "\"futureMember\":{\"nested\":[1,2,{\"x\":null}]}," : "";
        var continuation = continuationToken is null ? "null" : $"\"{continuationToken}\"";
        return """
            {"jobDetails":{@UNKNOWN@"id":"@JOBID@","data":{
            "actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"ExamplePartner","version":"1"},
            "actionConfiguration":{"configuration":{@CONFIGURATION@}},
            "pipelineContext":{"pipelineName":"storefront-pipeline","stage":{"name":"Build"},"action":{"name":"PartnerBuild","actionExecutionId":"ae-0001"},"pipelineArn":"arn:aws:codepipeline:us-east-1:111122223333:storefront-pipeline","pipelineExecutionId":"pe-0002"},
            "inputArtifacts":[{"name":"SourceOutput","revision":"9f86d081","location":{"type":"S3","s3Location":{"bucketName":"codepipeline-bucket","objectKey":"source.zip"}}}],
            "outputArtifacts":[{"name":"BuildOutput","location":{"type":"S3","s3Location":{"bucketName":"codepipeline-bucket","objectKey":"build.zip"}}}],
            @CREDENTIALS@,
            "continuationToken":@CONTINUATION@,
            "encryptionKey":{"id":"arn:aws:kms:us-east-1:111122223333:key/1234abcd","type":"KMS"}},
            "nonce":"@NONCE@"}}
            """
            .ReplaceLineEndings("")
            .Replace("@UNKNOWN@", unknown, StringComparison.Ordinal)
            .Replace("@JOBID@", JobId, StringComparison.Ordinal)
            .Replace("@CONFIGURATION@", configuration.ToString(), StringComparison.Ordinal)
            .Replace("@CREDENTIALS@", Credentials, StringComparison.Ordinal)
            .Replace("@CONTINUATION@", continuation, StringComparison.Ordinal)
            .Replace("@NONCE@", Nonce, StringComparison.Ordinal);
    }

    /// <summary>The artifact credentials member, every value a canary.</summary>
    public static string Credentials =>
        "\"artifactCredentials\":{\"accessKeyId\":\"" + Canaries.ArtifactAccessKeyId + "\",\"secretAccessKey\":\"" + Canaries.ArtifactSecretAccessKey
        + "\",\"sessionToken\":\"" + Canaries.ArtifactSessionToken + "\"}";

    public static string MinimalJobDetails() =>
        "{\"jobDetails\":{\"id\":\"" + JobId + "\",\"nonce\":\"" + Nonce + "\",\"data\":{\"actionConfiguration\":{\"configuration\":{\"ApiKey\":\""
        + Canaries.ConfigurationApiKey + "\"}}," + Credentials + ",\"inputArtifacts\":null,\"pipelineContext\":null,\"encryptionKey\":null}}}";

    public static string PollJobs(int count) =>
        "{\"jobs\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"clientId\":\"client-{i}\",\"jobId\":\"job-{i:D4}\"}}")) + "]}";

    public static string Acknowledge(string status = "InProgress") => $"{{\"status\":\"{status}\"}}";
}
