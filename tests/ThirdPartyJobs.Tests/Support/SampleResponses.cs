namespace ThirdPartyJobs.Tests.Support;

/// <summary>CodePipeline response bodies as the service sends them (shapes from the 2015-07-09 API model).</summary>
internal static class SampleResponses
{
    public const string JobId = "f4f4ff82-2d11-4ef3-a5a5-EXAMPLE11111";
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

    public const string TwoJobs = """
        {"jobs":[
          {"clientId":"0a1b2c3d-0000-4000-8000-000000000001","jobId":"11111111-2222-4333-8444-555555555555"},
          {"clientId":"0a1b2c3d-0000-4000-8000-000000000002","jobId":"66666666-7777-4888-9999-000000000000"}
        ]}
        """;

    public const string NoJobs = """{"jobs":[]}""";

    public const string AcknowledgedInProgress = """{"status":"InProgress"}""";

    /// <summary>The body of a successful PutThirdPartyJob*Result call.</summary>
    public const string Empty = "{}";
}
