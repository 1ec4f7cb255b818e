using System.Globalization;
using System.Text;

namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// CodePipeline response bodies as the service sends them (shapes from the 2015-07-09 API model),
/// every secret field a <see cref="Canaries">canary</see>: fixed bodies whose values tests compare
/// against, and builders for bodies of any size and shape (the fuzz and leak tests).
/// </summary>
public static class SampleResponses
{
    /// <summary>The job id of every job body here.</summary>
    public const string JobId = "f4f4ff82-2d11-4ef3-a5a5-EXAMPLE11111";

    /// <summary>The nonce of every job body here.</summary>
    public const string Nonce = "3";

    /// <summary>A GetThirdPartyJobDetails answer with every member set; secrets are canaries.</summary>
    public const string FullJobDetails = $$"""
        {
          "jobDetails": {
            "id": "{{JobId}}",
            "nonce": "{{Nonce}}",
            "data": {
              "actionTypeId": { "category": "Deploy", "owner": "ThirdParty", "provider": "MyPartnerDeploy", "version": "1" },
              "actionConfiguration": {
                "configuration": { "ProjectName": "storefront", "ApiKey": "{{Canaries.ConfigValue}}", "Region": "eu-west-1" }
              },
              "pipelineContext": {
                "pipelineName": "MyPipeline",
                "stage": { "name": "Beta" },
                "action": { "name": "DeployToPartner", "actionExecutionId": "c5d0c2f4-8ab9-4a6c-8a1e-0123456789ab" },
                "pipelineArn": "arn:aws:codepipeline:us-east-1:123456789012:MyPipeline",
                "pipelineExecutionId": "42ee4d10-9e4d-4d1f-a8e7-EXAMPLE22222"
              },
              "inputArtifacts": [
                {
                  "name": "SourceOutput",
                  "revision": "4f2c1a9d0e7b",
                  "location": { "type": "S3", "s3Location": { "bucketName": "codepipeline-us-east-1-123456789012", "objectKey": "MyPipeline/SourceOutp/a1b2c3.zip" } }
                },
                {
                  "name": "BuildOutput",
                  "revision": "build-17",
                  "location": { "type": "S3", "s3Location": { "bucketName": "codepipeline-us-east-1-123456789012", "objectKey": "MyPipeline/BuildOutpu/d4e5f6.zip" } }
                }
              ],
              "outputArtifacts": [
                {
                  "name": "DeployOutput",
                  "location": { "type": "S3", "s3Location": { "bucketName": "codepipeline-us-east-1-123456789012", "objectKey": "MyPipeline/DeployOutp/g7h8i9.zip" } }
                },
                {
                  "name": "ReportOutput",
                  "location": { "type": "S3", "s3Location": { "bucketName": "codepipeline-us-east-1-123456789012", "objectKey": "MyPipeline/ReportOutp/j0k1l2.zip" } }
                }
              ],
              "artifactCredentials": {
                "accessKeyId": "{{Canaries.AccessKeyId}}",
                "secretAccessKey": "{{Canaries.SecretAccessKey}}",
                "sessionToken": "{{Canaries.SessionToken}}"
              },
              "continuationToken": "deployment-d-42",
              "encryptionKey": { "id": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "type": "KMS" }
            }
          }
        }
        """;

    /// <summary>The least the library accepts: the job's id, nonce and an empty data object.</summary>
    public const string MinimalJobDetails = $$"""{"jobDetails": {"id":"{{JobId}}","nonce":"{{Nonce}}","data": { } } }""";

    /// <summary>A PollForThirdPartyJobs answer with two jobs.</summary>
    public const string TwoJobs = """
        {"jobs":[
          {"clientId":"0a1b2c3d-0000-4000-8000-000000000001","jobId":"11111111-2222-4333-8444-555555555555"},
          {"clientId":"0a1b2c3d-0000-4000-8000-000000000002","jobId":"66666666-7777-4888-9999-000000000000"}
        ]}
        """;

    /// <summary>A PollForThirdPartyJobs answer with no job.</summary>
    public const string NoJobs = """{"jobs":[]}""";

    /// <summary>An AcknowledgeThirdPartyJob answer.</summary>
    public const string AcknowledgedInProgress = """{"status":"InProgress"}""";

    /// <summary>The body of a successful PutThirdPartyJob*Result call.</summary>
    public const string Empty = "{}";

    /// <summary>A GetThirdPartyJobDetails answer with two secret configuration values and <paramref name="extraConfigurationEntries"/> more, optionally with members the model does not know.</summary>
    public static string JobDetails(int extraConfigurationEntries = 0, string? continuationToken = "step-2", bool withUnknownMembers = false)
    {
        var configuration = new StringBuilder();
        configuration.Append($"\"ApiKey\":\"{Canaries.ConfigValue}\",\"Password\":\"{Canaries.ConfigurationPassword}\",\"Project\":\"storefront\"");
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
        "\"artifactCredentials\":{\"accessKeyId\":\"" + Canaries.AccessKeyId + "\",\"secretAccessKey\":\"" + Canaries.SecretAccessKey
        + "\",\"sessionToken\":\"" + Canaries.RealLengthSessionToken + "\"}";

    /// <summary>The least the library accepts, plus a secret configuration value and the canary credentials.</summary>
    public static string MinimalJobDetailsWithSecrets() =>
        "{\"jobDetails\":{\"id\":\"" + JobId + "\",\"nonce\":\"" + Nonce + "\",\"data\":{\"actionConfiguration\":{\"configuration\":{\"ApiKey\":\""
        + Canaries.ConfigValue + "\"}}," + Credentials + ",\"inputArtifacts\":null,\"pipelineContext\":null,\"encryptionKey\":null}}}";

    /// <summary>A PollForThirdPartyJobs answer with <paramref name="count"/> jobs.</summary>
    public static string PollJobs(int count) =>
        "{\"jobs\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"clientId\":\"client-{i}\",\"jobId\":\"job-{i:D4}\"}}")) + "]}";

    /// <summary>An AcknowledgeThirdPartyJob answer with <paramref name="status"/>.</summary>
    public static string Acknowledge(string status = "InProgress") => $"{{\"status\":\"{status}\"}}";
}
